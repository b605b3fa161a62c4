package io.github.pinpointevents.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Whether bytes are a JSON text in UTF-8 without a byte order mark: well-formed UTF-8 as RFC 3629 defines
 * it (no overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequence). Checked on the raw
 * bytes before parsing, because Jackson silently skips a UTF-8 byte order mark and detects UTF-16 and
 * UTF-32 on its own, and would accept all three.
 */
public final class Utf8 {

    /** Eight bytes at a time, to pass over ASCII (almost all of a request) without a branch per byte. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {
    }

    /**
     * Why {@code bytes[offset, offset + length)} is not UTF-8 JSON without a byte order mark, in a few
     * words with the byte offset; null when it is.
     */
    public static Problem check(byte[] bytes, int offset, int length) {
        String encoding = foreignEncoding(bytes, offset, length);
        if (encoding != null) {
            return new Problem(encoding, 0);
        }
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (i + 8 <= end && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                i += 8;
                continue;
            }
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            int max = 0xbf;
            if (b >= 0xc2 && b <= 0xdf) {
                need = 1;
                min = 0x80;
            } else if (b == 0xe0) {
                need = 2;
                min = 0xa0; // below: overlong
            } else if (b == 0xed) {
                need = 2;
                min = 0x80;
                max = 0x9f; // above: UTF-16 surrogates
            } else if (b >= 0xe1 && b <= 0xef) {
                need = 2;
                min = 0x80;
            } else if (b == 0xf0) {
                need = 3;
                min = 0x90; // below: overlong
            } else if (b >= 0xf1 && b <= 0xf3) {
                need = 3;
                min = 0x80;
            } else if (b == 0xf4) {
                need = 3;
                min = 0x80;
                max = 0x8f; // above: beyond U+10FFFF
            } else {
                return invalid(bytes, i, offset);
            }
            for (int k = 1; k <= need; k++) {
                if (i + k >= end) {
                    return new Problem(String.format("truncated UTF-8 sequence starting with byte 0x%02X at the"
                            + " end of the body", b), i - offset);
                }
                int c = bytes[i + k] & 0xff;
                int lo = k == 1 ? min : 0x80;
                int hi = k == 1 ? max : 0xbf;
                if (c < lo || c > hi) {
                    return invalid(bytes, i, offset);
                }
            }
            i += need + 1;
        }
        return null;
    }

    private static Problem invalid(byte[] bytes, int at, int offset) {
        return new Problem(String.format("invalid UTF-8 byte sequence starting with byte 0x%02X at byte offset %d",
                bytes[at] & 0xff, at - offset), at - offset);
    }

    /** A byte order mark, or the NUL bytes of UTF-16 or UTF-32 text among the first four bytes (RFC 4627, 3). */
    private static String foreignEncoding(byte[] b, int offset, int length) {
        int b0 = length > 0 ? b[offset] & 0xff : -1;
        int b1 = length > 1 ? b[offset + 1] & 0xff : -1;
        int b2 = length > 2 ? b[offset + 2] & 0xff : -1;
        int b3 = length > 3 ? b[offset + 3] & 0xff : -1;
        if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf) {
            return "a UTF-8 byte order mark (EF BB BF) starts the body";
        }
        if (b0 == 0 && b1 == 0 && b2 == 0xfe && b3 == 0xff) {
            return "a UTF-32BE byte order mark starts the body";
        }
        if (b0 == 0xff && b1 == 0xfe && b2 == 0 && b3 == 0) {
            return "a UTF-32LE byte order mark starts the body";
        }
        if (b0 == 0xfe && b1 == 0xff) {
            return "a UTF-16BE byte order mark starts the body";
        }
        if (b0 == 0xff && b1 == 0xfe) {
            return "a UTF-16LE byte order mark starts the body";
        }
        if (b0 == 0 && b1 == 0 && b2 == 0 && b3 > 0) {
            return "the body is UTF-32BE (NUL bytes among the first four)";
        }
        if (b0 > 0 && b1 == 0 && b2 == 0 && b3 == 0) {
            return "the body is UTF-32LE (NUL bytes among the first four)";
        }
        if (b0 == 0 && b1 > 0) {
            return "the body is UTF-16BE (NUL bytes among the first four)";
        }
        if (b0 > 0 && b1 == 0) {
            return "the body is UTF-16LE (NUL bytes among the first four)";
        }
        return null;
    }

    /**
     * What is wrong and where.
     *
     * @param detail the problem in a few words, with the byte offset where it has one
     * @param byteOffset where it starts, from the start of the checked bytes
     */
    public record Problem(String detail, int byteOffset) {
    }
}
