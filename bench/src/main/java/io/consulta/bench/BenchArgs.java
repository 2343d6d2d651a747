package io.consulta.bench;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import java.util.HashMap;
import java.util.Map;

/** Benchmark arguments as {@code key=value} pairs, e.g. {@code bench/run directory clients=50 seconds=30}. */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class BenchArgs {

    private final Map<String, String> values;

    public static BenchArgs parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length != 2 || pair[0].isBlank()) {
                throw new IllegalArgumentException("arguments are key=value pairs, got '" + arg + "'");
            }
            values.put(pair[0], pair[1]);
        }
        return new BenchArgs(values);
    }

    public int integer(String key, int fallback) {
        String value = values.get(key);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'");
        }
    }

    public String text(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }
}
