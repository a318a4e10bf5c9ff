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
        // JMH's own warm-up (seconds) ends long before C2 has compiled the extractor: see JitSettling
        JitSettling.repeatUntilSettled(() -> {
            for (Article a : articles) {
                extractor.extract(a);
            }
        });
    }

    @Benchmark
    public void corpusPass(Blackhole bh) {
        for (Article a : articles) {
            bh.consume(extractor.extract(a));
        }
    }
}
