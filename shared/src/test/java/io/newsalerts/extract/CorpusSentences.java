package io.newsalerts.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Test texts for comparing two ways of reading a text: the labelled corpus (whole, or split as the extractor splits
 * it), or strings of pieces.
 */
final class CorpusSentences {
    private CorpusSentences() {
    }

    /** The labelled corpus's text articles, each whole. */
    static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/corpus"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                texts.add(Files.readString(f));
            }
        }
        return texts;
    }

    /** Every sentence of the labelled corpus's text articles, as BodyCleaner and SentenceSplitter cut them. */
    static List<String> all() throws IOException {
        List<String> sentences = new ArrayList<>();
        for (String text : texts()) {
            for (String paragraph : BodyCleaner.paragraphs(text)) {
                sentences.addAll(SentenceSplitter.split(paragraph));
            }
        }
        return sentences;
    }

    /** 1 to {@code maxPieces} pieces drawn from {@code pieces}, each followed by a space except one time in {@code gapOdds}. */
    static String ofPieces(Random random, List<String> pieces, int maxPieces, int gapOdds) {
        StringBuilder b = new StringBuilder();
        int count = 1 + random.nextInt(maxPieces);
        for (int k = 0; k < count; k++) {
            b.append(pieces.get(random.nextInt(pieces.size())));
            if (random.nextInt(gapOdds) != 0) {
                b.append(' ');
            }
        }
        return b.toString();
    }

    /** 0 to {@code maxPieces - 1} pieces drawn from {@code pieces}, back to back. */
    static String joined(Random random, List<String> pieces, int maxPieces) {
        StringBuilder b = new StringBuilder();
        for (int k = random.nextInt(maxPieces); k > 0; k--) {
            b.append(pieces.get(random.nextInt(pieces.size())));
        }
        return b.toString();
    }
}
