package io.newsalerts.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content-derived ids: the same basis always gives the same id, which is what makes writes idempotent. */
final class Ids {
    private Ids() {
    }

    /** Hex of the first {@code bytes} bytes of the SHA-256 of the basis. */
    static String sha256Hex(String basis, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
