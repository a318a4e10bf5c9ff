package io.newsalerts.aws;

import io.newsalerts.log.Log;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A deployer's setting kept in an SSM parameter (detect's rules, ingest's gazetteer extension), as the value the
 * function works with. The parameter holds a file, or the word {@code bundled} for the one in the jar.
 *
 * <p>Read at init, where a missing or invalid value fails the function with a message naming the parameter. Read
 * again by the first {@link #get()} after {@link #MAX_AGE}: a change reaches warm containers within minutes, and a
 * SnapStart snapshot never freezes the value of the day its version was published (the wall clock of a restored
 * function makes the snapshot's read stale). A failed re-read keeps the last good value and logs an error, so a
 * typo in the parameter or an SSM outage never takes a running function down; only a changed value is parsed again.
 */
public final class ParameterSetting<T> {
    /** How old a read may get before {@link #get()} reads the parameter again. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** The parameter value that stands for the file in the jar. */
    public static final String BUNDLED = "bundled";

    private final String name;
    private final ParameterStore parameters;
    private final BiFunction<String, String, T> parse;
    private final Clock clock;
    private volatile Current<T> current;

    private record Current<T>(String raw, T value, long readAtMillis) {
    }

    private ParameterSetting(String name, ParameterStore parameters, BiFunction<String, String, T> parse, Clock clock) {
        this.name = name;
        this.parameters = parameters;
        this.parse = parse;
        this.clock = clock;
    }

    /**
     * Reads the parameter now. {@code parse(value, origin)} turns its value into the setting ({@code bundled} into the
     * jar's own) and throws on an invalid one, naming {@code origin} ("SSM parameter NAME") and what is wrong. A
     * missing parameter throws {@link AwsCallException.NotFound} naming it.
     */
    public static <T> ParameterSetting<T> read(String name, ParameterStore parameters, BiFunction<String, String, T> parse,
                                               Clock clock) {
        Objects.requireNonNull(name, "name");
        ParameterSetting<T> s = new ParameterSetting<>(name.strip(), Objects.requireNonNull(parameters, "parameters"),
                Objects.requireNonNull(parse, "parse"), Objects.requireNonNull(clock, "clock"));
        String raw = parameters.value(s.name);
        s.current = new Current<>(raw, parse.apply(raw, s.origin()), clock.millis());
        return s;
    }

    /**
     * The setting from the parameter named {@code name} ({@link #read}), or, when no parameter is named (null or
     * blank), what {@code parse} makes of {@code bundled}, for good.
     */
    public static <T> Supplier<T> orBundled(String name, ParameterStore parameters, BiFunction<String, String, T> parse,
                                            Clock clock) {
        if (name == null || name.isBlank()) {
            T bundled = parse.apply(BUNDLED, "the bundled file");
            return () -> bundled;
        }
        return read(name, parameters, parse, clock)::get;
    }

    private String origin() {
        return "SSM parameter " + name;
    }

    /** The setting, read again first when the last read is older than {@link #MAX_AGE}. */
    public T get() {
        Current<T> c = current;
        if (clock.millis() - c.readAtMillis() < MAX_AGE.toMillis()) {
            return c.value();
        }
        return refresh(c);
    }

    private synchronized T refresh(Current<T> seen) {
        if (current != seen) {
            return current.value(); // another thread has just read it
        }
        long now = clock.millis();
        try {
            String raw = parameters.value(name);
            boolean changed = !raw.equals(seen.raw());
            T value = changed ? parse.apply(raw, origin()) : seen.value();
            if (changed) {
                Log.info("setting changed", "parameter", name);
            }
            current = new Current<>(raw, value, now);
        } catch (RuntimeException e) {
            // keep working with the last good value; try again after another MAX_AGE, not on every invocation
            Log.error("cannot re-read the setting; the last good value stays in use", e, "parameter", name);
            current = new Current<>(seen.raw(), seen.value(), now);
        }
        return current.value();
    }
}
