package io.newsalerts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.aws.StreamImages;
import io.newsalerts.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --state DIR}: each table's items as JSON lines, saved after a run and loaded before the next. */
final class TableSnapshot {
    private TableSnapshot() {
    }

    static void save(DynamoDbClient ddb, String table, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
            for (var item : ddb.scanPaginator(b -> b.tableName(table).consistentRead(true)).items()) {
                w.write(StreamImages.toJson(item).toString());
                w.newLine();
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static int load(DynamoDbClient ddb, String table, Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        int n = 0;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode item = Json.MAPPER.readTree(line);
            ddb.putItem(b -> b.tableName(table).item(StreamImages.item(item)));
            n++;
        }
        return n;
    }
}
