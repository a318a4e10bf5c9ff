package io.newsalerts.bench;

import io.newsalerts.smoke.Template;

/**
 * The end-to-end section of bench/run in a JVM of its own (BenchRun starts it with template.yaml's JAVA_TOOL_OPTIONS):
 * arguments ARTICLES POSTERS LATENCY_SAMPLES JVM_FLAGS WARMUP_PASSES; prints the section's Markdown lines.
 */
public final class PipelineMain {
    /** The DynamoDB endpoint the warm-up writes to, when it is not the burst's (an emulator of its own). */
    static final String WARMUP_DYNAMODB_ENV = "NEWSALERTS_WARMUP_DYNAMODB_ENDPOINT";

    private PipelineMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchRun.pipelineReport(Template.findRoot(), Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), args.length > 3 ? args[3] : "", args.length > 4 ? Integer.parseInt(args[4]) : 1,
                System.out::println);
        System.out.flush();
        System.exit(0);
    }
}
