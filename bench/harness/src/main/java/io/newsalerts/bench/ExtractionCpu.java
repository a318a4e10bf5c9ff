package io.newsalerts.bench;

import io.newsalerts.domain.Article;
import io.newsalerts.extract.Extractor;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Run in a fresh JVM: extraction throughput per CPU-second of the one thread doing it. On a shared machine whose load
 * is far above its cores, JMH's wall-clock score counts the time the thread waited for a core; this does not.
 * Extracts until the JIT has settled ({@link JitSettling}), then measures in chunks of about half a second, so that
 * bench/run can take the median chunk rather than an average that a burst of load elsewhere drags down.
 * Argument: measured seconds. Prints the body bytes per corpus pass, then per chunk: passes, CPU ns, wall ns.
 */
public final class ExtractionCpu {
    private static long sink;

    public static void main(String[] args) {
        long measure = Long.parseLong(args[0]) * 1_000_000_000L;
        List<Corpus.Doc> docs = Corpus.load(Corpus.root());
        Article[] articles = docs.stream().map(Corpus.Doc::article).toArray(Article[]::new);
        long bytes = docs.stream().mapToLong(Corpus.Doc::bodyBytes).sum();
        Extractor ex = Extractor.defaults();
        JitSettling.repeatUntilSettled(() -> pass(ex, articles));
        var threads = ManagementFactory.getThreadMXBean();
        StringBuilder out = new StringBuilder().append(bytes).append('\n');
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < measure) {
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            long passes = 0;
            while (System.nanoTime() - w0 < 500_000_000L) {
                pass(ex, articles);
                passes++;
            }
            out.append(passes).append(' ').append(threads.getCurrentThreadCpuTime() - c0).append(' ')
                    .append(System.nanoTime() - w0).append('\n');
        }
        System.out.print(out);
        System.err.println(sink & 1); // keeps the results alive
    }

    private static void pass(Extractor ex, Article[] articles) {
        for (Article a : articles) {
            sink += ex.extract(a).size();
        }
    }
}
