package io.newsalerts.smoke;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the function poms leave out of a function.jar to keep it small (issue 8: SNS where no alert is published or
 * subscribed, jsoup where no article is read) can never be needed: every class reachable from the handler — following
 * every class-level reference (jdeps) from the handler and from the jar's service registrations, an over-estimate of
 * what the JVM can ever load — is in the jar, in the JDK, or in a short list of parts that are absent by design.
 * The RIE smoke test runs the sample events; this covers the paths no sample event takes.
 */
class FunctionJarsAreCompleteIT {

    /** Optional parts referenced by classes in the jar and loaded only when present (checked by name first). */
    private static final List<String> ABSENT_BY_DESIGN = List.of(
            "software.amazon.awssdk.crt.", "software.amazon.awssdk.crtcore.", // the SDK's optional native (CRT) runtime
            "org.jspecify.annotations.", // annotations only
            "com.google.re2j."); // jsoup's optional regular-expression engine

    /**
     * Clients.sns() refers to the SNS client (one method: its call sites are in notify and subscribe only). The
     * bytecode verifier does not load a method's types to link the class (interface types, a checkcast), so only a
     * call would need SNS; this edge is the one class-level reference that is not followed.
     */
    private static final String CLIENTS = "io.newsalerts.aws.Clients";
    private static final String SNS = "software.amazon.awssdk.services.sns.";

    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+(.*)$");

    @TestFactory
    List<DynamicTest> everyClassAHandlerCanReachIsInItsJar() throws IOException {
        Template template = Template.read(Template.findRoot());
        return template.functions().stream()
                .map(f -> DynamicTest.dynamicTest(f.logicalId(), () -> check(f.code(), f.handler().split("::")[0])))
                .toList();
    }

    private static void check(Path jar, String handler) throws IOException {
        Map<String, Set<String>> references = new HashMap<>();
        Set<String> notFound = new HashSet<>();
        for (String line : jdeps(jar).split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String from = m.group(1);
            String to = m.group(2);
            if (from.equals(CLIENTS) && to.startsWith(SNS)) {
                continue;
            }
            references.computeIfAbsent(from, k -> new HashSet<>()).add(to);
            if (m.group(3).strip().equals("not found")) {
                notFound.add(to);
            }
        }
        Map<String, String> reachedFrom = new LinkedHashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (String root : roots(jar, handler)) {
            reachedFrom.put(root, null);
            queue.add(root);
        }
        while (!queue.isEmpty()) {
            String c = queue.poll();
            for (String d : references.getOrDefault(c, Set.of())) {
                if (!reachedFrom.containsKey(d)) {
                    reachedFrom.put(d, c);
                    queue.add(d);
                }
            }
        }
        assertThat(references).as("jdeps found no classes in %s", jar).containsKey(handler);
        Set<String> missing = new TreeSet<>();
        for (String c : reachedFrom.keySet()) {
            if (notFound.contains(c) && ABSENT_BY_DESIGN.stream().noneMatch(c::startsWith)) {
                missing.add(path(c, reachedFrom));
            }
        }
        assertThat(missing).as("classes %s can reach that are not in %s", handler, jar).isEmpty();
    }

    /** The handler, and whatever the jar registers for ServiceLoader or as SDK interceptors (loaded by name). */
    private static Set<String> roots(Path jar, String handler) throws IOException {
        Set<String> roots = new TreeSet<>(Set.of(handler));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (var e : zip.stream().toList()) {
                boolean registry = e.getName().startsWith("META-INF/services/") || e.getName().endsWith("execution.interceptors");
                if (registry && !e.isDirectory()) {
                    for (String line : new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        String name = line.replaceAll("#.*", "").strip();
                        if (!name.isEmpty()) {
                            roots.add(name);
                        }
                    }
                }
            }
        }
        return roots;
    }

    private static String jdeps(Path jar) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException("needs a JDK with jdeps"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err),
                "-verbose:class", "-filter:none", "--multi-release", "21", "-cp", jar.toString(), jar.toString());
        assertThat(status).as("jdeps on %s: %s", jar, err).isZero();
        return out.toString();
    }

    private static String path(String c, Map<String, String> reachedFrom) {
        StringBuilder s = new StringBuilder(c);
        for (String from = reachedFrom.get(c); from != null; from = reachedFrom.get(from)) {
            s.append(" <- ").append(from);
        }
        return s.toString();
    }
}
