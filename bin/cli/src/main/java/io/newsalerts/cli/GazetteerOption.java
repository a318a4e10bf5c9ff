package io.newsalerts.cli;

import io.newsalerts.extract.Extractor;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --gazetteer FILE}: the deployer's gazetteer additions, tried locally before they go into the SSM parameter. */
final class GazetteerOption {

    @Option(names = "--gazetteer", paramLabel = "FILE",
            description = "gazetteer additions (JSON, the bundled gazetteer's format) merged over the bundled one, "
                    + "e.g. the file a deployer writes into the gazetteer parameter")
    Path file;

    /** The extractor to use; an unreadable or invalid file throws IllegalArgumentException naming it. */
    Extractor extractor() {
        if (file == null) {
            return Extractor.defaults();
        }
        try {
            return Extractor.withExtraGazetteer(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
