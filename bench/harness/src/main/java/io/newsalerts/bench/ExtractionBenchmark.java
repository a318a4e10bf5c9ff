package io.newsalerts.bench;

import io.newsalerts.domain.Article;
import io.newsalerts.extract.Extractor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 4: {@code Extractor.defaults().extract(Article)} over the whole corpus, single-threaded. One operation is one
 * pass over every article; MB/s per core = corpus body bytes / time per pass (bench/run does the division).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExtractionBenchmark {
    private Extractor extractor;
    private Article[] articles;

    @Setup
    public void setUp() {
        extractor = Extractor.defaults();
        List<Corpus.Doc> docs = Corpus.load(Corpus.root());
        articles = docs.stream().map(Corpus.Doc::article).toArray(Article[]::new);
        warmUntilCompiled();
    }

    /**
     * Extracts from the corpus until the JIT has settled, before JMH's own warm-up. C2 takes about 12 s of compiler
     * thread time for the extractor ({@code -XX:+CITime}: some 500 methods, the largest near a second each), on the
     * one C2 thread a 2-core machine gets: JMH's warm-up (3 x 2 s in bench/run) ended half way through, and the
     * measured iterations timed code still being compiled (5.5 down to 2.2 ms per pass in one fork). Settled: a
     * second of passes in which compiling took under a tenth of that second; at most a minute.
     */
    private void warmUntilCompiled() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        long compiled = jit.getTotalCompilationTime();
        while (System.nanoTime() < deadline) {
            long second = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (System.nanoTime() < second) {
                for (Article a : articles) {
                    extractor.extract(a);
                }
            }
            long now = jit.getTotalCompilationTime();
            if (now - compiled < 100) {
                return;
            }
            compiled = now;
        }
    }

    @Benchmark
    public void corpusPass(Blackhole bh) {
        for (Article a : articles) {
            bh.consume(extractor.extract(a));
        }
    }
}
