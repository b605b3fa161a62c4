package io.github.pinpointevents.core.generate;

import io.github.pinpointevents.core.internal.PythonJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map.Entry;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks one generated request against what the real SDKs send (their sources, https://github.com/aws-amplify),
 * reading only the payload: which SDK sent an endpoint is told by its events' SdkName (none, with a Session: amplify-js;
 * none, without: a server). Returns every problem found, empty when the request is realistic.
 */
final class RealismChecks {

    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Pattern UUID_LOWER =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern UUID_UPPER =
            Pattern.compile("[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}");
    private static final Pattern LOCALE = Pattern.compile("([a-z]{2})_([A-Z]{2})");
    private static final DateTimeFormatter SESSION_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Set<String> PAUSING = Set.of("aws-sdk-android", "amplify-swift", "aws-sdk-iOS");

    /** A row of cities.tsv: the facts an endpoint's location, locale and time zone must agree with. */
    record City(String name, String region, String postalCode, String iso2, String iso3, String timezone,
            double latitude, double longitude, List<String> languages) {
    }

    static final List<City> CITIES = cities();

    private final GeneratorConfig config;
    private final List<String> problems = new ArrayList<>();

    private RealismChecks(GeneratorConfig config) {
        this.config = config;
    }

    static List<String> check(GeneratorConfig config, JsonNode eventsRequest) {
        RealismChecks c = new RealismChecks(config);
        c.request(eventsRequest);
        return c.problems;
    }

    private void fail(String where, String what) {
        problems.add(where + ": " + what);
    }

    private void request(JsonNode request) {
        int events = 0;
        for (Entry<String, JsonNode> item : request.path("BatchItem").properties()) {
            events += item.getValue().path("Events").size();
            endpoint(item.getKey(), item.getValue());
        }
        if (events > 100) {
            fail("request", events + " events");
        }
        int size = PythonJson.dumps(request).length;
        if (size > 4_000_000) {
            fail("request", size + " bytes");
        }
    }

    private void endpoint(String id, JsonNode item) {
        JsonNode endpoint = item.path("Endpoint");
        List<Entry<String, JsonNode>> events = new ArrayList<>();
        item.path("Events").properties().forEach(events::add);
        if (events.isEmpty()) {
            fail(id, "no events");
            return;
        }
        JsonNode first = events.get(0).getValue();
        String sdk = first.has("SdkName") ? first.get("SdkName").stringValue()
                : first.has("Session") ? "amplify-js" : "server";
        String where = id + " (" + sdk + ")";
        boolean upper = sdk.equals("amplify-swift") || sdk.equals("aws-sdk-iOS");
        Pattern idPattern = upper ? UUID_UPPER : UUID_LOWER;
        if (sdk.equals("server") ? !id.matches("em-[0-9a-f]{16}") : !idPattern.matcher(id).matches()) {
            fail(where, "endpoint id " + id);
        }
        // Timestamps: the SDK format, inside the window, in order.
        long previous = Long.MIN_VALUE;
        for (Entry<String, JsonNode> e : events) {
            if (!(sdk.equals("server") ? UUID_LOWER : idPattern).matcher(e.getKey()).matches()) {
                fail(where, "event id " + e.getKey());
            }
            JsonNode event = e.getValue();
            for (String field : List.of("SdkName", "ClientSdkVersion")) {
                if (event.has(field) != first.has(field)) {
                    fail(where, field + " not on every event");
                }
            }
            long t = millis(where, event.path("Timestamp").asString(""));
            if (t < previous) {
                fail(where, "timestamps out of order at " + e.getKey());
            }
            previous = t;
            appFields(where, sdk, event);
            purchase(where, sdk, event);
        }
        if (sdk.equals("server")) {
            events.forEach(e -> {
                if (e.getValue().has("Session")) {
                    fail(where, "server event with a Session");
                }
            });
        } else {
            session(where, id, sdk, events);
        }
        endpointProfile(where, sdk, endpoint, first);
    }

    private long millis(String where, String text) {
        if (!TIMESTAMP.matcher(text).matches()) {
            fail(where, "timestamp format " + text);
            return 0;
        }
        long t = Instant.parse(text).toEpochMilli();
        if (t < config.start().toEpochMilli() || t >= config.end().toEpochMilli()) {
            fail(where, "timestamp outside the window " + text);
        }
        return t;
    }

    private void appFields(String where, String sdk, JsonNode event) {
        boolean mobile = !sdk.equals("amplify-js") && !sdk.equals("server");
        for (String field : List.of("AppPackageName", "AppTitle", "AppVersionCode", "ClientSdkVersion", "SdkName")) {
            if (event.has(field) != mobile) {
                fail(where, field + (mobile ? " missing" : " sent by " + sdk));
            }
        }
        if (sdk.equals("amplify-android") && event.has("Metrics")) {
            fail(where, "amplify-android events carry no Metrics");
        }
        if (sdk.equals("amplify-android") && !event.path("AppVersionCode").asString("").matches("\\d+")) {
            fail(where, "Android AppVersionCode is the integer versionCode");
        }
    }

    private void purchase(String where, String sdk, JsonNode event) {
        if (!event.path("EventType").asString("").equals("_monetization.purchase")) {
            return;
        }
        JsonNode a = event.path("Attributes");
        JsonNode m = event.path("Metrics");
        if (!a.path("_product_id").isString() || !a.path("_currency").asString("").matches("[A-Z]{3}")
                || !(m.path("_item_price").asDouble(0) > 0) || !(m.path("_quantity").asDouble(0) >= 1)) {
            fail(where, "purchase attributes/metrics " + a + " " + m);
        }
        if (!sdk.equals("amplify-js") && (!a.has("_store") || !a.has("_transaction_id"))) {
            fail(where, "SDK purchase without _store or _transaction_id");
        }
        if (sdk.equals("amplify-android")) {
            fail(where, "amplify-android cannot send a purchase (no event Metrics)");
        }
    }

    private void session(String where, String endpointId, String sdk, List<Entry<String, JsonNode>> events) {
        JsonNode firstSession = events.get(0).getValue().path("Session");
        String sessionId = firstSession.path("Id").asString("");
        String start = firstSession.path("StartTimestamp").asString("");
        long startMillis = millis(where, start);
        String time = start.isEmpty() ? "" : SESSION_TIME.format(Instant.parse(start));
        String expectedId = switch (sdk) {
            case "amplify-android", "aws-sdk-android" -> endpointId.substring(endpointId.length() - 8) + "-" + time;
            case "amplify-swift", "aws-sdk-iOS" -> config.applicationId().substring(0, 8) + "-"
                    + endpointId.substring(0, 8) + "-" + time;
            default -> null;
        };
        if (expectedId != null ? !sessionId.equals(expectedId) : !UUID_LOWER.matcher(sessionId).matches()) {
            fail(where, "Session.Id " + sessionId + (expectedId == null ? "" : ", expected " + expectedId));
        }
        String previousType = "";
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i).getValue();
            String type = event.path("EventType").asString("");
            JsonNode s = event.path("Session");
            if (!s.path("Id").asString("").equals(sessionId) || !s.path("StartTimestamp").asString("").equals(start)) {
                fail(where, "event " + i + " in another session");
            }
            if (i == 0 && (!type.equals("_session.start") || !event.path("Timestamp").asString("").equals(start))) {
                fail(where, "the session does not open with _session.start at StartTimestamp");
            }
            if (type.equals("_session.start") && i > 0) {
                fail(where, "_session.start after the first event");
            }
            boolean stopping = type.equals("_session.stop") || type.equals("_session.pause");
            if ((type.equals("_session.pause") || type.equals("_session.resume")) && !PAUSING.contains(sdk)) {
                fail(where, sdk + " does not send " + type);
            }
            if (type.equals("_session.resume") && !previousType.equals("_session.pause")) {
                fail(where, "resume without a pause just before");
            }
            if (type.equals("_session.stop") && i != events.size() - 1) {
                fail(where, "events after _session.stop");
            }
            long t = Instant.parse(event.path("Timestamp").asString(start)).toEpochMilli();
            if (stopping) {
                // Duration = StopTimestamp - StartTimestamp, in milliseconds, with the stop at the event's time.
                if (!s.path("StopTimestamp").asString("").equals(event.path("Timestamp").asString(""))
                        || !s.path("Duration").isIntegralNumber() || s.path("Duration").longValue() != t - startMillis) {
                    fail(where, type + " session arithmetic " + s);
                }
            } else if (s.has("StopTimestamp")) {
                fail(where, "StopTimestamp on " + type);
            }
            if (sdk.equals("amplify-android")) {
                if (s.path("Duration").longValue() != t - startMillis) {
                    fail(where, "amplify-android Duration is not the elapsed time on " + type);
                }
            } else if (!stopping && s.has("Duration")) {
                fail(where, sdk + " sends Duration only when paused or stopped, not on " + type);
            }
            previousType = type;
        }
    }

    private void endpointProfile(String where, String sdk, JsonNode e, JsonNode firstEvent) {
        if (sdk.equals("amplify-js")) {
            if (!e.isObject() || !e.isEmpty()) {
                fail(where, "amplify-js sends an empty Endpoint, not " + e);
            }
            return;
        }
        JsonNode d = e.path("Demographic");
        JsonNode l = e.path("Location");
        boolean android = sdk.equals("amplify-android") || sdk.equals("aws-sdk-android");
        String country = l.path("Country").asString("");
        String timezone = d.path("Timezone").asString("");
        List<City> matches = CITIES.stream().filter(c -> (android ? c.iso3() : c.iso2()).equals(country)
                && c.timezone().equals(timezone)).toList();
        if (matches.isEmpty()) {
            fail(where, "country " + country + " and time zone " + timezone + " do not agree");
        }
        if (!l.path("City").asString("").isEmpty()) {
            boolean located = matches.stream().anyMatch(c -> c.name().equals(l.path("City").stringValue())
                    && c.region().equals(l.path("Region").asString("")) && c.postalCode().equals(
                            l.path("PostalCode").asString("")) && c.latitude() == l.path("Latitude").asDouble(999)
                    && c.longitude() == l.path("Longitude").asDouble(999));
            if (!located) {
                fail(where, "city, region, postal code and coordinates do not agree: " + l);
            }
        }
        String locale = d.path("Locale").asString("");
        if (sdk.equals("amplify-android")) {
            if (!locale.equals(country)) {
                fail(where, "amplify-android sends the ISO-3 country as Locale, got " + locale);
            }
        } else {
            var m = LOCALE.matcher(locale);
            if (!m.matches() || matches.stream().noneMatch(c -> c.iso2().equals(m.group(2))
                    && c.languages().contains(m.group(1)))) {
                fail(where, "locale " + locale + " does not fit " + country);
            }
        }
        if (!e.path("EffectiveDate").asString("").equals(firstEvent.path("Timestamp").asString())) {
            fail(where, "EffectiveDate is not the session's start");
        }
        String channel = e.path("ChannelType").asString(null);
        String address = e.path("Address").asString(null);
        String optOut = e.path("OptOut").asString(null);
        switch (sdk) {
            case "amplify-android" -> {
                boolean token = address != null;
                if (token != "GCM".equals(channel) || token != "NONE".equals(optOut) || (channel != null) != token
                        || (optOut != null) != token) {
                    fail(where, "amplify-android sends ChannelType GCM, Address and OptOut NONE together or none");
                }
                check(where, "ANDROID", d.path("Platform").asString(""));
            }
            case "aws-sdk-android" -> {
                if (!"GCM".equals(channel) || "NONE".equals(optOut) && address == null
                        || !Set.of("ALL", "NONE").contains(String.valueOf(optOut))) {
                    fail(where, "aws-sdk-android channel " + channel + " " + optOut + " " + address);
                }
                check(where, "ANDROID", d.path("Platform").asString(""));
            }
            case "amplify-swift", "aws-sdk-iOS" -> {
                if (!Set.of("APNS", "APNS_SANDBOX").contains(String.valueOf(channel))
                        || address != null && !address.matches("[0-9a-f]{64}")
                        || "NONE".equals(optOut) && address == null) {
                    fail(where, "iOS channel " + channel + " " + optOut + " " + address);
                }
                check(where, "iOS", d.path("Platform").asString(""));
                check(where, "apple", d.path("Make").asString(""));
            }
            case "server" -> {
                if (!"EMAIL".equals(channel) || address == null || !address.contains("@") || !"NONE".equals(optOut)) {
                    fail(where, "server endpoints are e-mail addresses, opted in");
                }
                if (e.path("User").path("UserId").asString("").isEmpty()) {
                    fail(where, "server endpoint without a user");
                }
            }
            default -> fail(where, "unknown SDK");
        }
    }

    private void check(String where, String want, String got) {
        if (!want.equals(got)) {
            fail(where, "expected " + want + ", got " + got);
        }
    }

    private static List<City> cities() {
        List<City> cities = new ArrayList<>();
        try (var in = RealismChecks.class.getResourceAsStream("cities.tsv");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null;) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] f = line.split("\t", -1);
                    cities.add(new City(f[0], f[1], f[2], f[3], f[4], f[5], Double.parseDouble(f[6]),
                            Double.parseDouble(f[7]), List.of(f[8].split(","))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cities;
    }
}
