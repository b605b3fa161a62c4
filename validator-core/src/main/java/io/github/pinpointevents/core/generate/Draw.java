package io.github.pinpointevents.core.generate;

import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/** Random choices from one seeded {@link Random}; nothing here reads the clock. */
final class Draw {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] URL_SAFE =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private final Random random;

    Draw(Random random) {
        this.random = random;
    }

    Random random() {
        return random;
    }

    int between(int min, int maxInclusive) {
        return min + random.nextInt(maxInclusive - min + 1);
    }

    long below(long bound) {
        return bound <= 0 ? 0 : Math.floorMod(random.nextLong(), bound);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T one(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    <T> T weighted(List<T> items, ToDoubleFunction<T> weight) {
        double total = 0;
        for (T item : items) {
            total += weight.applyAsDouble(item);
        }
        double x = random.nextDouble() * total;
        for (T item : items) {
            x -= weight.applyAsDouble(item);
            if (x < 0) {
                return item;
            }
        }
        for (int i = items.size() - 1; i >= 0; i--) {
            if (weight.applyAsDouble(items.get(i)) > 0) {
                return items.get(i);
            }
        }
        throw new IllegalStateException("no positive weight");
    }

    /** A random (version 4) UUID, as {@code UUID.randomUUID().toString()} or Swift's {@code uuidString}. */
    String uuid(boolean upperCase) {
        long hi = random.nextLong();
        long lo = random.nextLong();
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        String s = new java.util.UUID(hi, lo).toString();
        return upperCase ? s.toUpperCase(java.util.Locale.ROOT) : s;
    }

    String hex(int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = HEX[random.nextInt(16)];
        }
        return new String(c);
    }

    String urlSafe(int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = URL_SAFE[random.nextInt(URL_SAFE.length)];
        }
        return new String(c);
    }

    String digits(int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(c);
    }
}
