package io.newsalerts.aws;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An item's size by DynamoDB's rules: attribute names plus values, strings and binaries by their bytes, numbers about
 * one byte per two digits plus one, lists and maps 3 bytes plus 1 per element. What the 400 KB item limit and write
 * units are reckoned in.
 */
public final class ItemSize {
    /** The most an item may take: a larger write is refused with a ValidationException. */
    public static final long MAX_BYTES = 400 * 1024;

    private ItemSize() {
    }

    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    // loops, not streams: ingest sizes every article it stores, and a stream's lambdas cost a cold start more
    static long of(AttributeValue v) {
        return switch (v.type()) {
            case S -> utf8(v.s());
            case N -> number(v.n());
            case B -> v.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case SS -> {
                long size = 0;
                for (String s : v.ss()) {
                    size += utf8(s);
                }
                yield size;
            }
            case NS -> {
                long size = 0;
                for (String n : v.ns()) {
                    size += number(n);
                }
                yield size;
            }
            case BS -> {
                long size = 0;
                for (var b : v.bs()) {
                    size += b.asByteArray().length;
                }
                yield size;
            }
            case L -> {
                long size = 3;
                for (AttributeValue x : v.l()) {
                    size += 1 + of(x);
                }
                yield size;
            }
            case M -> 3 + v.m().size() + of(v.m());
            default -> 0;
        };
    }

    private static long number(String n) {
        long digits = 0;
        for (int i = 0; i < n.length(); i++) {
            if (Character.isDigit(n.charAt(i))) {
                digits++;
            }
        }
        return (digits + 1) / 2 + 1;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
