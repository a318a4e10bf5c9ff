package io.newsalerts.aws;

import io.newsalerts.log.Log;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming. Each handler registers the work of its hot path (parse a sample event, extract a built-in
 * article, one harmless call to its own table or topic); Lambda's SnapStart runs it in {@code beforeCheckpoint},
 * so the classes it loads, the code it has compiled and the clients it has connected are in the snapshot and a
 * restored function starts warm. The org.crac API is a no-op where there is no checkpoint (plain JVMs, tests).
 *
 * <p>Priming never fails a snapshot: an error is logged and the function simply starts less warm. Network calls
 * are made with the function's own permissions; connections opened here are not reused after a restore (the
 * URL-connection client opens new ones when a pooled socket turns out dead; the SDK retries such I/O errors).
 *
 * <p>{@code PRIME_ON_INIT=true} also primes right away, at init: for provisioned concurrency without SnapStart,
 * and for the smoke tests, which check that every function's priming runs cleanly from its real jar.
 */
public final class Priming implements Resource {
    private final String function;
    private final Runnable prime;

    private Priming(String function, Runnable prime) {
        this.function = function;
        this.prime = prime;
    }

    /**
     * Registers {@code prime} to run before a SnapStart checkpoint. The CRaC context holds resources weakly: keep
     * the returned object in a field of the handler.
     */
    public static Priming register(String function, Runnable prime) {
        Priming p = new Priming(function, prime);
        Core.getGlobalContext().register(p);
        if ("true".equalsIgnoreCase(System.getenv("PRIME_ON_INIT"))) {
            p.run("init");
        }
        return p;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        run("beforeCheckpoint");
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: credentials come from the environment of the restored function
    }

    /** Runs the priming once; returns whether it completed. */
    public boolean run(String phase) {
        long t0 = System.nanoTime();
        try {
            prime.run();
            Log.info("primed", "function", function, "phase", phase, "ms", (System.nanoTime() - t0) / 1_000_000);
            return true;
        } catch (RuntimeException | LinkageError e) {
            Log.error("priming failed; the function works, its first invocation is slower", e, "function", function, "phase", phase);
            return false;
        }
    }
}
