package io.newsalerts.bench;

import io.newsalerts.extract.Extractor;

/** Run in a fresh JVM: prints the milliseconds the first {@code Extractor.defaults()} takes (gazetteer load). */
public final class GazetteerLoad {
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Extractor e = Extractor.defaults();
        long t1 = System.nanoTime();
        System.out.println((t1 - t0) / 1e6 + " " + (e != null));
    }
}
