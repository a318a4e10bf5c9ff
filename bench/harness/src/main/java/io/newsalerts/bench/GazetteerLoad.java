package io.newsalerts.bench;

import io.newsalerts.extract.Extractor;
import io.newsalerts.json.Json;

/**
 * Run in a fresh JVM: prints the wall and CPU milliseconds of the first {@code Extractor.defaults()} (gazetteer load).
 * With the argument {@code marginal}, Jackson's shared ObjectMapper is made first (every handler makes it at init to
 * read its event), so what is timed is what the gazetteer adds to a cold start.
 */
public final class GazetteerLoad {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("marginal")) {
            Json.MAPPER.readTree("{\"warm\":[1,\"x\"]}");
        }
        // CPU time of this thread (class loading and parsing happen here): steadier than wall time on a busy machine.
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Extractor e = Extractor.defaults();
        long t1 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();
        System.out.println((t1 - t0) / 1e6 + " " + (c1 - c0) / 1e6 + " " + (e != null));
    }
}
