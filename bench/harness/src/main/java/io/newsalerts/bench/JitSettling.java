package io.newsalerts.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * Repeats a piece of work until the JIT has settled, so that what is measured next is compiled code. C2 takes about
 * 12 s of compiler thread time for the extractor ({@code -XX:+CITime}: some 500 methods, the largest near a second
 * each), on the one C2 thread a 2-core machine gets: a fixed warm-up of a few seconds ends half way through, and the
 * measurement then times code still being compiled (5.5 down to 2.2 ms per corpus pass in one JMH fork). One quiet
 * second is not enough either: C2 goes quiet for a second or two, then recompiles (100-135 ms of compiling a second,
 * passes 10-40% slower) some seconds later. Settled: three seconds in a row, each with under 30 ms of compiling; at
 * most two minutes.
 */
final class JitSettling {

    private JitSettling() {
    }

    static void repeatUntilSettled(Runnable work) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        long compiled = jit.getTotalCompilationTime();
        int quietSeconds = 0;
        while (quietSeconds < 3 && System.nanoTime() < deadline) {
            long second = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (System.nanoTime() < second) {
                work.run();
            }
            long now = jit.getTotalCompilationTime();
            quietSeconds = now - compiled < 30 ? quietSeconds + 1 : 0;
            compiled = now;
        }
    }
}
