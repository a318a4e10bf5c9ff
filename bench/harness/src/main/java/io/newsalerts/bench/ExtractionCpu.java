package io.newsalerts.bench;

import io.newsalerts.domain.Article;
import io.newsalerts.extract.Extractor;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Run in a fresh JVM: extraction throughput per CPU-second of the one thread doing it. On a shared machine whose load
 * is far above its cores, JMH's wall-clock score counts the time the thread waited for a core; this does not.
 * Arguments: warm-up seconds, measured seconds. Prints: passes, body bytes per pass, CPU ns, wall ns.
 */
public final class ExtractionCpu {
    public static void main(String[] args) {
        long warm = Long.parseLong(args[0]) * 1_000_000_000L;
        long measure = Long.parseLong(args[1]) * 1_000_000_000L;
        List<Corpus.Doc> docs = Corpus.load(Corpus.root());
        Article[] articles = docs.stream().map(Corpus.Doc::article).toArray(Article[]::new);
        long bytes = docs.stream().mapToLong(Corpus.Doc::bodyBytes).sum();
        Extractor ex = Extractor.defaults();
        long sink = 0;
        long end = System.nanoTime() + warm;
        while (System.nanoTime() < end) {
            for (Article a : articles) {
                sink += ex.extract(a).size();
            }
        }
        var threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long passes = 0;
        while (System.nanoTime() - t0 < measure) {
            for (Article a : articles) {
                sink += ex.extract(a).size();
            }
            passes++;
        }
        long cpu = threads.getCurrentThreadCpuTime() - c0;
        long wall = System.nanoTime() - t0;
        System.out.println(passes + " " + bytes + " " + cpu + " " + wall + " " + (sink & 1));
    }
}
