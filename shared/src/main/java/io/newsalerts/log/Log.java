package io.newsalerts.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.json.Json;

import java.io.PrintStream;
import java.time.Instant;

/**
 * One JSON object per line on stderr (Lambda's JSON log format keeps it as structured fields; locally, stdout stays
 * free for the CLI's output). Callers pass key/value pairs; never a full email address or phone number — mask first.
 */
public final class Log {
    private static final PrintStream OUT = System.err;

    private Log() {
    }

    public static void info(String message, Object... keyValues) {
        write("INFO", message, null, keyValues);
    }

    public static void warn(String message, Object... keyValues) {
        write("WARN", message, null, keyValues);
    }

    public static void error(String message, Throwable error, Object... keyValues) {
        write("ERROR", message, error, keyValues);
    }

    private static void write(String level, String message, Throwable error, Object[] kv) {
        ObjectNode line = Json.object();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("message", message);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            Object v = kv[i + 1];
            if (v instanceof Long || v instanceof Integer) {
                line.put(String.valueOf(kv[i]), ((Number) v).longValue());
            } else if (v instanceof Number n) {
                line.put(String.valueOf(kv[i]), n.doubleValue());
            } else {
                line.put(String.valueOf(kv[i]), v == null ? null : String.valueOf(v));
            }
        }
        if (error != null) {
            line.put("errorType", error.getClass().getName());
            line.put("errorMessage", String.valueOf(error.getMessage()));
        }
        OUT.println(line);
    }

    /** "ana@example.org" -> "a***@example.org"; "+14155550123" -> "+1415*****23". */
    public static String mask(String endpoint) {
        if (endpoint == null || endpoint.isEmpty()) {
            return endpoint;
        }
        int at = endpoint.indexOf('@');
        if (at > 0) {
            return endpoint.charAt(0) + "***" + endpoint.substring(at);
        }
        int keep = Math.min(5, endpoint.length() / 3);
        return endpoint.substring(0, keep) + "*".repeat(Math.max(0, endpoint.length() - keep - 2))
                + endpoint.substring(Math.max(keep, endpoint.length() - 2));
    }
}
