package io.github.pinpointevents.core.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The generator's word lists, read once from the tab-separated files beside this class (lines starting with
 * {@code #} are comments). Immutable and shared.
 */
final class Vocabulary {

    record City(String name, String region, String postalCode, String iso2, String iso3, String timezone,
            double latitude, double longitude, List<String> languages, String currency, double weight) {
    }

    record Currency(String code, double perDollar, int digits, String format, char decimalSeparator) {
    }

    record Device(String family, String make, String model, String modelVersion, List<String> osVersions,
            double weight) {
    }

    record App(String family, String packageName, String title, String versionName, String versionCode,
            String category) {
    }

    record SdkInfo(String sdkName, List<String> versions) {
    }

    record Product(String id, String name, String category, double usd) {
    }

    record EventSpec(String type, List<String> families, double weight, List<String[]> attributes,
            List<String[]> metrics) {
    }

    private static final Vocabulary INSTANCE = new Vocabulary();

    final List<City> cities = new ArrayList<>();
    final Map<String, Currency> currencies = new HashMap<>();
    final List<Device> devices = new ArrayList<>();
    final List<App> apps = new ArrayList<>();
    final Map<Sdk, SdkInfo> sdks = new HashMap<>();
    final List<Product> products = new ArrayList<>();
    final List<EventSpec> events = new ArrayList<>();
    final List<String> screens;
    final List<String> pages;
    final Map<String, List<String>> content = new HashMap<>();

    private Vocabulary() {
        for (String[] f : rows("cities.tsv")) {
            cities.add(new City(f[0], f[1], f[2], f[3], f[4], f[5], Double.parseDouble(f[6]),
                    Double.parseDouble(f[7]), List.of(f[8].split(",")), f[9], Double.parseDouble(f[10])));
        }
        for (String[] f : rows("currencies.tsv")) {
            currencies.put(f[0], new Currency(f[0], Double.parseDouble(f[1]), Integer.parseInt(f[2]), f[3],
                    f[4].charAt(0)));
        }
        for (String[] f : rows("devices.tsv")) {
            devices.add(new Device(f[0], f[1], f[2], f[3], List.of(f[4].split(",")), Double.parseDouble(f[5])));
        }
        for (String[] f : rows("apps.tsv")) {
            apps.add(new App(f[0], f[1], f[2], f[3], f[4], f[5]));
        }
        for (String[] f : rows("sdks.tsv")) {
            sdks.put(Sdk.of(f[0]), new SdkInfo(f[1], f[2].isEmpty() ? List.of() : List.of(f[2].split(","))));
        }
        for (String[] f : rows("products.tsv")) {
            products.add(new Product(f[0], f[1], f[2], Double.parseDouble(f[3])));
        }
        for (String[] f : rows("event-types.tsv")) {
            events.add(new EventSpec(f[0], List.of(f[1].split(",")), Double.parseDouble(f[2]), pairs(f[3]),
                    pairs(f[4])));
        }
        screens = rows("screens.txt").stream().map(f -> f[0]).toList();
        pages = rows("pages.txt").stream().map(f -> f[0]).toList();
        for (String[] f : rows("content.tsv")) {
            content.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
        }
        for (City c : cities) {
            if (!currencies.containsKey(c.currency())) {
                throw new IllegalStateException("cities.tsv: no currency " + c.currency() + " in currencies.tsv");
            }
        }
    }

    static Vocabulary get() {
        return INSTANCE;
    }

    List<String> content(String source) {
        List<String> values = content.get(source);
        if (values == null) {
            throw new IllegalStateException("content.tsv has no values for " + source);
        }
        return values;
    }

    private static List<String[]> pairs(String spec) {
        if (spec.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(spec.split(",")).map(p -> p.split("=", 2)).toList();
    }

    /** The file's non-comment lines, split on tabs, with trailing empty columns kept. */
    static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null;) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
