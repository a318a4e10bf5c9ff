package io.newsalerts.ingest;

import io.newsalerts.aws.ParameterSetting;
import io.newsalerts.aws.ParameterStore;
import io.newsalerts.extract.Extractor;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * The deployer's additions to the extraction gazetteer: the SSM parameter named by {@code GAZETTEER_SSM_PARAMETER}
 * holds a file in the bundled gazetteer.json's format (actors with aliases and acronyms, event terms, places, areas),
 * merged over the jar's own, or the word {@code bundled} for the jar's alone — the value template.yaml gives it. Read at
 * init (a missing parameter or an invalid file fails init, naming the parameter) and again every few minutes
 * ({@link ParameterSetting}), so new actors are picked up without a rebuild or a redeploy.
 */
final class GazetteerSource {
    static final String PARAMETER_ENV = "GAZETTEER_SSM_PARAMETER";

    private GazetteerSource() {
    }

    /** The extractor: the bundled data, with the parameter's file merged over it when a parameter is named. */
    static Supplier<Extractor> load(String parameterName, ParameterStore parameters, Clock clock) {
        return ParameterSetting.orBundled(parameterName, parameters, GazetteerSource::fromValue, clock);
    }

    /** The extractor a parameter value stands for. */
    static Extractor fromValue(String value, String origin) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(origin + ": empty (write a gazetteer file, or 'bundled' for the built-in one)");
        }
        if (ParameterSetting.BUNDLED.equals(value.strip())) {
            return Extractor.defaults();
        }
        try {
            return Extractor.withExtraGazetteer(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
    }
}
