package io.newsalerts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `bin/alerts extract [--gazetteer FILE] FILE...`: a deployer tries gazetteer additions before writing the parameter. */
class ExtractCommandTest {
    private static final String ARTICLE = """
            date 2024-07-17 Example Front raids

            EF fighters carried out 14 raids near Zorbastan Ridge in 2023.
            """;

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run extract(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new ExtractCommand()).execute(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void theAdditionsNameTheActorAndPlace() throws Exception {
        Path article = Files.writeString(dir.resolve("a.txt"), ARTICLE);
        Path extra = Files.writeString(dir.resolve("extra.json"), """
                {"actors": [{"name": "Example Front", "type": "armed", "aliases": ["Example Front", "EF fighters"]}],
                 "places": {"Zorbastan Ridge": "IQ"}}""");

        Run without = extract(article.toString());
        Run with = extract("--gazetteer", extra.toString(), article.toString());

        assertThat(without.exit()).isZero();
        assertThat(Json.MAPPER.readTree(without.out()).path("facts")).allSatisfy(f -> assertThat(f.path("actor").isNull()).isTrue());
        assertThat(with.exit()).isZero();
        JsonNode facts = Json.MAPPER.readTree(with.out()).path("facts");
        assertThat(facts).hasSize(1);
        assertThat(facts.get(0).path("actor").asText()).isEqualTo("Example Front");
        assertThat(facts.get(0).path("regions").get(0).asText()).isEqualTo("IQ");
    }

    @Test
    void anInvalidFileIsNamedAndNothingIsExtracted() throws Exception {
        Path article = Files.writeString(dir.resolve("a.txt"), ARTICLE);
        Path extra = Files.writeString(dir.resolve("extra.json"), "{\"actors\": [");

        Run run = extract("--gazetteer", extra.toString(), article.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: " + extra + ": extra gazetteer is not valid JSON");
    }
}
