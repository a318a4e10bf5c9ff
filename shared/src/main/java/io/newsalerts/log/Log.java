package io.newsalerts.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.json.Json;

import java.io.PrintStream;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JSON object per line on stderr (Lambda's JSON log format keeps it as structured fields; locally, stdout stays
 * free for the CLI's output). Callers pass key/value pairs; never a full email address or phone number — mask first.
 */
public final class Log {
    private static volatile PrintStream out = System.err;
    /** What an email address or an E.164 phone number looks like, wherever it turns up (an error message, say). */
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");
    /** LOG_LEVEL=WARN (or ERROR) quiets routine lines, e.g. in the local runner. */
    private static final int THRESHOLD = switch (String.valueOf(System.getenv("LOG_LEVEL")).toUpperCase(java.util.Locale.ROOT)) {
        case "ERROR" -> 3;
        case "WARN" -> 2;
        default -> 1;
    };

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
        int severity = switch (level) {
            case "ERROR" -> 3;
            case "WARN" -> 2;
            default -> 1;
        };
        if (severity < THRESHOLD) {
            return;
        }
        ObjectNode line = Json.object();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("message", scrub(message));
        for (int i = 0; i + 1 < kv.length; i += 2) {
            Object v = kv[i + 1];
            if (v instanceof Long || v instanceof Integer) {
                line.put(String.valueOf(kv[i]), ((Number) v).longValue());
            } else if (v instanceof Number n) {
                line.put(String.valueOf(kv[i]), n.doubleValue());
            } else {
                line.put(String.valueOf(kv[i]), v == null ? null : scrub(String.valueOf(v)));
            }
        }
        if (error != null) {
            line.put("errorType", error.getClass().getName());
            line.put("errorMessage", scrub(String.valueOf(error.getMessage())));
        }
        out.println(line);
    }

    /** Where log lines go from now on (tests capture them); returns the previous destination. */
    public static PrintStream sink(PrintStream destination) {
        PrintStream previous = out;
        out = destination == null ? System.err : destination;
        return previous;
    }

    /**
     * Masks every email address and E.164 phone number in a text: a second line of defence behind callers masking
     * endpoints themselves, for texts they do not control (exception messages from SNS, say).
     */
    public static String scrub(String text) {
        if (text == null || (text.indexOf('@') < 0 && text.indexOf('+') < 0)) {
            return text;
        }
        return replace(PHONE, replace(EMAIL, text));
    }

    private static String replace(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(mask(m.group())));
        }
        return m.appendTail(b).toString();
    }

    /** "ana@example.org" -> "a***@example.org"; "+14155550123" -> "+141******23". */
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
