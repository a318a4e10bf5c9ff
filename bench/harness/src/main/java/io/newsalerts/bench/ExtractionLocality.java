package io.newsalerts.bench;

import io.newsalerts.domain.Article;
import io.newsalerts.extract.Extractor;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a fresh JVM: how much of extraction's cost is the caches'. The same extractor, compiled once, works through
 * the corpus in orders that differ only in how soon an article (its words, its paths through the rules) comes back:
 * every article once per pass, as the benchmark does; each article twice or sixteen times in a row; twice in a row,
 * the second time by a second extractor with its own gazetteer and lexicon (the same data, built again: what it
 * gains over once is the code's and the rules' tables' warmth, not the gazetteer's); and a pass over only 20 or 6 of
 * the articles. Each order is timed by the thread's CPU time in rounds of 0.4 s, the orders alternating, and the
 * median round is printed per order as MB of body text per CPU-second.
 * Argument: rounds per order (default 8).
 */
public final class ExtractionLocality {
    private static long sink;

    /** {@code extractors}: the extractors that take turns on an article's repeats. */
    private record Order(String name, Article[] articles, long bytes, int repeats, Extractor... extractors) {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        List<Corpus.Doc> docs = Corpus.load(Corpus.root());
        Extractor ex = Extractor.defaults();
        Extractor other = Extractor.withExtraGazetteer("{\"actors\": []}");
        Article[] all = docs.stream().map(Corpus.Doc::article).toArray(Article[]::new);
        JitSettling.repeatUntilSettled(() -> pass(all, 2, ex, other));
        List<Order> orders = List.of(
                order("every article once per pass (the benchmark)", docs, docs.size(), 1, ex),
                order("each article twice in a row", docs, docs.size(), 2, ex),
                order("each twice, the second by another extractor", docs, docs.size(), 2, ex, other),
                order("each article 16 times in a row", docs, docs.size(), 16, ex),
                order("20 of the articles, once per pass", docs, 20, 1, ex),
                order("6 of the articles, once per pass", docs, 6, 1, ex));
        List<List<Double>> rates = new ArrayList<>();
        orders.forEach(o -> rates.add(new ArrayList<>()));
        var threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < orders.size(); k++) {
                Order o = orders.get(k);
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                long passes = 0;
                while (System.nanoTime() - w0 < 400_000_000L) {
                    pass(o.articles(), o.repeats(), o.extractors());
                    passes += o.repeats();
                }
                double seconds = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                rates.get(k).add(o.bytes() * passes / seconds / 1e6);
            }
        }
        for (int k = 0; k < orders.size(); k++) {
            List<Double> l = rates.get(k);
            l.sort(null);
            System.out.printf("%-50s %6.2f MB per CPU-second (median of %d rounds; %.2f-%.2f)%n",
                    orders.get(k).name(), l.get(l.size() / 2), l.size(), l.getFirst(), l.getLast());
        }
        System.err.println(sink & 1); // keeps the results alive
    }

    /** {@code count} articles spread evenly over the corpus, each extracted {@code repeats} times in a row. */
    private static Order order(String name, List<Corpus.Doc> docs, int count, int repeats, Extractor... extractors) {
        Article[] articles = new Article[count];
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            Corpus.Doc d = docs.get(i * docs.size() / count);
            articles[i] = d.article();
            bytes += d.bodyBytes();
        }
        return new Order(name, articles, bytes, repeats, extractors);
    }

    private static void pass(Article[] articles, int repeats, Extractor... extractors) {
        for (Article a : articles) {
            for (int r = 0; r < repeats; r++) {
                sink += extractors[r % extractors.length].extract(a).size();
            }
        }
    }
}
