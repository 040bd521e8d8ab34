package dev.interleave.strategy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Turns the seed a user writes into numbers: a decimal number is taken as it is, any other text is hashed, so that
 * {@code seed = "42"} and {@code seed = "nightly-7"} both work. Each schedule gets its own seed, derived from the
 * exploration's seed and the schedule's number, so that schedule 57 is the same whether or not 1 to 56 ran.
 */
public final class Seeds {

    private static final SecureRandom FRESH = new SecureRandom();

    private Seeds() {
    }

    /** A new random seed, for an exploration that was given none. */
    public static String fresh() {
        return Long.toString(FRESH.nextLong() & Long.MAX_VALUE);
    }

    public static long parse(String seed) {
        try {
            return Long.parseLong(seed.trim());
        } catch (NumberFormatException notANumber) {
            long hash = 0xcbf29ce484222325L; // FNV-1a: stable across JVMs, unlike String.hashCode's spread
            for (byte b : seed.getBytes(StandardCharsets.UTF_8)) {
                hash ^= b & 0xff;
                hash *= 0x100000001b3L;
            }
            return hash;
        }
    }

    /** The seed of schedule {@code number} (counting from 1) of an exploration seeded with {@code base}. */
    public static long forSchedule(long base, int number) {
        return mix(base + 0x9E3779B97F4A7C15L * number);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
