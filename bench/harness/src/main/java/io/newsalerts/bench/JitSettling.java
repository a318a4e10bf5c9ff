package io.newsalerts.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * Repeats a piece of work until the JIT has settled, so that what is measured next is compiled code. C2 takes about
 * 12 s of compiler thread time for the extractor ({@code -XX:+CITime}: some 500 methods, the largest near a second
 * each), on the one C2 thread a 2-core machine gets: a fixed warm-up of a few seconds ends half way through, and the
 * measurement then times code still being compiled (5.5 down to 2.2 ms per corpus pass in one JMH fork). Settled: a
 * second of work in which compiling took under a tenth of that second; at most a minute.
 */
final class JitSettling {

    private JitSettling() {
    }

    static void repeatUntilSettled(Runnable work) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        long compiled = jit.getTotalCompilationTime();
        while (System.nanoTime() < deadline) {
            long second = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (System.nanoTime() < second) {
                work.run();
            }
            long now = jit.getTotalCompilationTime();
            if (now - compiled < 100) {
                return;
            }
            compiled = now;
        }
    }
}
