package io.github.pinpointevents.core.generate;

import io.github.pinpointevents.core.generate.Vocabulary.App;
import io.github.pinpointevents.core.generate.Vocabulary.City;
import io.github.pinpointevents.core.generate.Vocabulary.Currency;
import io.github.pinpointevents.core.generate.Vocabulary.Device;
import io.github.pinpointevents.core.generate.Vocabulary.EventSpec;
import io.github.pinpointevents.core.generate.Vocabulary.Product;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.datafaker.Faker;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds one valid request: endpoints with coherent profiles, each sending one session (or, server side, a run of
 * business events), in the conventions of its SDK. Not thread-safe: one per thread, reseeded per request.
 */
final class RequestBuilder {

    /** The SDKs' timestamp format, {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC. */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SESSION_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One endpoint of a built request, for mutations to find their targets. */
    record EndpointRef(String id, Sdk sdk, List<String> eventIds) {
    }

    /** A built request: its EventsRequest and its endpoints in order. */
    record Built(ObjectNode eventsRequest, List<EndpointRef> endpoints) {
        int eventCount() {
            return endpoints.stream().mapToInt(e -> e.eventIds().size()).sum();
        }
    }

    private final GeneratorConfig config;
    private final Vocabulary vocab = Vocabulary.get();
    private final Draw draw;
    private final Faker faker;
    private final List<Sdk> sdks;
    private final List<Platform> platforms;

    RequestBuilder(GeneratorConfig config, Draw draw, Faker faker) {
        this.config = config;
        this.draw = draw;
        this.faker = faker;
        this.platforms = Arrays.stream(Platform.values())
                .filter(p -> config.platformWeights().getOrDefault(p, 0.0) > 0 && hasSdk(p)).toList();
        this.sdks = Arrays.asList(Sdk.values());
    }

    private boolean hasSdk(Platform p) {
        return Arrays.stream(Sdk.values()).anyMatch(s -> s.platform() == p && config.sdkWeights().getOrDefault(s, 0.0) > 0);
    }

    /**
     * Builds a request with the given number of events per endpoint ({@code perEndpoint.length} endpoints).
     *
     * @param sharedUserId when not null, every endpoint carries this User.UserId
     */
    Built build(int[] perEndpoint, String sharedUserId) {
        ObjectNode request = NODES.objectNode();
        ObjectNode batch = request.putObject("BatchItem");
        List<EndpointRef> refs = new ArrayList<>();
        for (int events : perEndpoint) {
            Platform platform = draw.weighted(platforms, p -> config.platformWeights().getOrDefault(p, 0.0));
            Sdk sdk = draw.weighted(sdks.stream().filter(s -> s.platform() == platform).toList(),
                    s -> config.sdkWeights().getOrDefault(s, 0.0));
            Profile profile = profile(sdk, sharedUserId);
            ObjectNode item = NODES.objectNode();
            List<String> eventIds = new ArrayList<>();
            ObjectNode endpoint = endpoint(profile);
            item.set("Endpoint", endpoint);
            ObjectNode eventsNode = item.putObject("Events");
            String first = sdk == Sdk.SERVER ? serverEvents(profile, events, eventsNode, eventIds)
                    : session(profile, events, eventsNode, eventIds);
            if (endpoint.has("EffectiveDate")) { // the profile was last updated when this session began
                endpoint.put("EffectiveDate", first);
            }
            if (batch.has(profile.endpointId)) { // a 122-bit collision: never, but keep the count honest
                continue;
            }
            batch.set(profile.endpointId, item);
            refs.add(new EndpointRef(profile.endpointId, sdk, List.copyOf(eventIds)));
        }
        return new Built(request, refs);
    }

    /** Events per endpoint: natural session lengths, or the configured total split as evenly as possible. */
    int[] shape(int endpoints, int totalEvents) {
        int[] per = new int[endpoints];
        if (totalEvents > 0) {
            for (int i = 0; i < endpoints; i++) {
                per[i] = totalEvents / endpoints + (i < totalEvents % endpoints ? 1 : 0);
            }
            return per;
        }
        int cap = Math.max(1, GeneratorConfig.MAX_EVENTS_PER_REQUEST / endpoints);
        for (int i = 0; i < endpoints; i++) {
            // Sessions are mostly short, some long: 2 plus a geometric-like tail, at most 40. StrictMath: Math.log
            // may differ in the last bit between JIT and interpreter, and the output must not.
            int n = 2 + (int) Math.min(38, Math.floor(-StrictMath.log(1 - draw.random().nextDouble()) * 9));
            per[i] = Math.min(cap, n);
        }
        return per;
    }

    // ---- endpoint profiles

    /** Everything about one device and its user that its events and Endpoint must agree on. */
    static final class Profile {
        Sdk sdk;
        String endpointId;
        City city;
        String language;
        Device device;
        String osVersion;
        App app;
        String sdkName;
        String sdkVersion;
        String userId;
        String pushToken;
        boolean located;
        boolean notificationsAllowed;
        String email;
    }

    private Profile profile(Sdk sdk, String sharedUserId) {
        Profile p = new Profile();
        p.sdk = sdk;
        String family = sdk.platform().id();
        p.endpointId = sdk == Sdk.SERVER ? "em-" + draw.hex(16) : draw.uuid(sdk.upperCaseIds());
        p.city = draw.weighted(vocab.cities, City::weight);
        p.language = draw.chance(0.8) ? p.city.languages().get(0) : draw.one(p.city.languages());
        p.device = draw.weighted(vocab.devices.stream().filter(d -> d.family().equals(family)).toList(),
                Device::weight);
        p.osVersion = draw.one(p.device.osVersions());
        p.app = draw.one(vocab.apps.stream().filter(a -> a.family().equals(family)).toList());
        Vocabulary.SdkInfo info = vocab.sdks.get(sdk);
        p.sdkName = info.sdkName();
        p.sdkVersion = info.versions().isEmpty() ? null : draw.one(info.versions());
        boolean signedIn = sdk == Sdk.SERVER || draw.chance(0.6);
        p.userId = sharedUserId != null ? sharedUserId
                : !signedIn ? null : sdk == Sdk.SERVER ? "user-" + draw.digits(7) : draw.uuid(false);
        p.located = draw.chance(0.4);
        switch (sdk.platform()) {
            case ANDROID -> p.pushToken = draw.chance(0.7) ? draw.urlSafe(22) + ":APA91b" + draw.urlSafe(134) : null;
            case IOS -> p.pushToken = draw.chance(0.75) ? draw.hex(64) : null;
            case WEB -> p.pushToken = null;
        }
        p.notificationsAllowed = p.pushToken != null && draw.chance(0.85);
        if (sdk == Sdk.SERVER) {
            p.email = faker.internet().emailAddress();
        }
        return p;
    }

    private ObjectNode endpoint(Profile p) {
        ObjectNode e = NODES.objectNode();
        switch (p.sdk) {
            case AMPLIFY_JS -> {
                // amplify-js sends endpoint data through UpdateEndpoint only: its PutEvents Endpoint is {}.
            }
            case AMPLIFY_ANDROID -> {
                // Channel, address and opt-out only with an FCM token (EventRecorder.kt).
                if (p.pushToken != null) {
                    e.put("Address", p.pushToken);
                }
                e.set("Attributes", endpointAttributes(p));
                if (p.pushToken != null) {
                    e.put("ChannelType", "GCM");
                }
                mobileDemographic(e, p, p.city.iso3(), "ANDROID"); // v2 passes the ISO-3 country as the locale
                e.put("EffectiveDate", "");
                location(e, p, p.city.iso3(), false);
                e.putObject("Metrics");
                if (p.pushToken != null) {
                    e.put("OptOut", "NONE");
                }
                ObjectNode user = e.putObject("User");
                userFields(user, p);
            }
            case AWS_SDK_ANDROID -> {
                if (p.pushToken != null) {
                    e.put("Address", p.pushToken);
                }
                e.set("Attributes", endpointAttributes(p));
                e.put("ChannelType", "GCM");
                mobileDemographic(e, p, p.language + "_" + p.city.iso2(), "ANDROID");
                e.put("EffectiveDate", "");
                // Empty City/PostalCode/Region when unknown, as captured traffic shows: https://github.com/
                // amosyuen/ha-mikucare/blob/b5bee033e62c31a2e8a1d233efeba1aa399058e3/custom_components/mikucare/api.py
                location(e, p, p.city.iso3(), true);
                e.putObject("Metrics");
                e.put("OptOut", p.notificationsAllowed ? "NONE" : "ALL");
                if (p.userId != null) {
                    userFields(e.putObject("User"), p);
                }
            }
            case AMPLIFY_SWIFT, AWS_SDK_IOS -> {
                if (p.pushToken != null) {
                    e.put("Address", p.pushToken);
                }
                e.set("Attributes", endpointAttributes(p));
                e.put("ChannelType", draw.chance(0.1) ? "APNS_SANDBOX" : "APNS");
                mobileDemographic(e, p, p.language + "_" + p.city.iso2(), "iOS");
                e.put("EffectiveDate", "");
                location(e, p, p.city.iso2(), false);
                e.putObject("Metrics");
                e.put("OptOut", p.notificationsAllowed ? "NONE" : "ALL");
                if (p.userId != null) {
                    userFields(e.putObject("User"), p);
                }
            }
            case SERVER -> {
                e.put("Address", p.email);
                ObjectNode attributes = endpointAttributes(p);
                e.set("Attributes", attributes);
                e.put("ChannelType", "EMAIL");
                ObjectNode d = e.putObject("Demographic");
                d.put("AppVersion", p.device.model() + "/" + p.device.modelVersion());
                d.put("Locale", p.language + "_" + p.city.iso2());
                if (!p.device.make().isEmpty()) {
                    d.put("Make", p.device.make());
                }
                d.put("Model", p.device.model());
                d.put("ModelVersion", p.device.modelVersion());
                d.put("Platform", p.osVersion);
                d.put("Timezone", p.city.timezone());
                e.put("EffectiveDate", "");
                p.located = true;
                location(e, p, p.city.iso2(), false);
                e.putObject("Metrics").put("orders", (double) draw.between(0, 40));
                e.put("OptOut", "NONE");
                ObjectNode user = e.putObject("User");
                userFields(user, p);
                user.withObject("UserAttributes").putArray("FirstName").add(faker.name().firstName());
            }
        }
        return e;
    }

    /** The Demographic every mobile SDK sends, in the model's member order. */
    private void mobileDemographic(ObjectNode endpoint, Profile p, String locale, String platform) {
        ObjectNode d = endpoint.putObject("Demographic");
        d.put("AppVersion", p.app.versionName());
        d.put("Locale", locale);
        d.put("Make", p.device.make());
        d.put("Model", p.device.model());
        d.put("Platform", platform);
        d.put("PlatformVersion", p.osVersion);
        d.put("Timezone", p.city.timezone());
    }

    private void location(ObjectNode endpoint, Profile p, String country, boolean emptyWhenUnknown) {
        ObjectNode l = endpoint.putObject("Location");
        City c = p.city;
        if (p.located) {
            l.put("City", c.name());
            l.put("Country", country);
            l.put("Latitude", c.latitude());
            l.put("Longitude", c.longitude());
            l.put("PostalCode", c.postalCode());
            l.put("Region", c.region());
        } else if (emptyWhenUnknown) {
            l.put("City", "");
            l.put("Country", country);
            l.put("PostalCode", "");
            l.put("Region", "");
        } else {
            l.put("Country", country);
        }
    }

    private ObjectNode endpointAttributes(Profile p) {
        ObjectNode a = NODES.objectNode();
        if (p.sdk == Sdk.SERVER || draw.chance(0.35)) {
            var interests = a.putArray("interests");
            int n = draw.between(1, 3);
            for (int i = 0; i < n; i++) {
                String category = draw.one(vocab.products).category();
                if (!interests.valueStream().anyMatch(v -> v.stringValue().equals(category))) {
                    interests.add(category);
                }
            }
        }
        return a;
    }

    private void userFields(ObjectNode user, Profile p) {
        if (p.userId == null) {
            return;
        }
        user.put("UserId", p.userId);
        ObjectNode attributes = user.putObject("UserAttributes");
        attributes.putArray("plan").add(draw.one(vocab.content("plan")));
    }

    // ---- events

    /** Offsets (ms from the first) for n events with the given gaps, placed at random inside the window. */
    private long[] place(long[] gaps) {
        long window = config.end().toEpochMilli() - config.start().toEpochMilli();
        long total = 0;
        for (long g : gaps) {
            total += g;
        }
        if (total >= window) { // a window shorter than the session: squeeze the gaps
            double scale = (double) (window - 1) / total;
            total = 0;
            for (int i = 0; i < gaps.length; i++) {
                gaps[i] = (long) Math.floor(gaps[i] * scale);
                total += gaps[i];
            }
        }
        long first = config.start().toEpochMilli() + draw.below(window - total);
        long[] at = new long[gaps.length + 1];
        at[0] = first;
        for (int i = 0; i < gaps.length; i++) {
            at[i + 1] = at[i] + gaps[i];
        }
        return at;
    }

    /** Records one session of {@code count} events; returns its start, the endpoint's EffectiveDate. */
    private String session(Profile p, int count, ObjectNode events, List<String> ids) {
        List<String> types = new ArrayList<>();
        types.add("_session.start");
        for (int i = 1; i < count - 1; i++) {
            types.add(null); // a custom or standard event, drawn below
        }
        if (count >= 2) {
            types.add("_session.stop");
        }
        int pauseAt = -1;
        if (p.sdk.sendsPauseResume() && count >= 6 && draw.chance(0.35)) {
            pauseAt = draw.between(2, count - 3);
            types.set(pauseAt, "_session.pause");
            types.set(pauseAt + 1, "_session.resume");
        }
        long[] gaps = new long[count - 1];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = i == pauseAt ? draw.between(20_000, 600_000) : draw.between(400, 90_000);
        }
        long[] at = place(gaps);
        long start = at[0];
        String startText = TIMESTAMP.format(Instant.ofEpochMilli(start));
        String sessionId = sessionId(p, start);
        for (int i = 0; i < count; i++) {
            String type = types.get(i) != null ? types.get(i) : customType(p);
            long t = at[i];
            String ts = TIMESTAMP.format(Instant.ofEpochMilli(t));
            ObjectNode session = NODES.objectNode();
            boolean stopped = type.equals("_session.stop") || type.equals("_session.pause");
            switch (p.sdk) {
                case AMPLIFY_JS -> {
                    session.put("Id", sessionId);
                    session.put("StartTimestamp", startText);
                    if (type.equals("_session.stop")) {
                        session.put("StopTimestamp", ts);
                        session.put("Duration", t - start);
                    }
                }
                case AMPLIFY_ANDROID -> { // Duration (elapsed ms) on every event; a stop time once stopped
                    session.put("Duration", t - start);
                    session.put("Id", sessionId);
                    session.put("StartTimestamp", startText);
                    if (stopped) {
                        session.put("StopTimestamp", ts);
                    }
                }
                default -> { // Duration and StopTimestamp only while paused or stopped
                    if (stopped) {
                        session.put("Duration", t - start);
                    }
                    session.put("Id", sessionId);
                    session.put("StartTimestamp", startText);
                    if (stopped) {
                        session.put("StopTimestamp", ts);
                    }
                }
            }
            String id = draw.uuid(p.sdk.upperCaseIds());
            events.set(id, event(p, type, ts, session));
            ids.add(id);
        }
        return startText;
    }

    /** Records {@code count} business events; returns the first one's time, the endpoint's EffectiveDate. */
    private String serverEvents(Profile p, int count, ObjectNode events, List<String> ids) {
        long[] gaps = new long[count - 1];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = draw.between(1_000, 3_600_000);
        }
        long[] at = place(gaps);
        for (int i = 0; i < count; i++) {
            String id = draw.uuid(false);
            events.set(id, event(p, customType(p), TIMESTAMP.format(Instant.ofEpochMilli(at[i])), null));
            ids.add(id);
        }
        return TIMESTAMP.format(Instant.ofEpochMilli(at[0]));
    }

    private String sessionId(Profile p, long start) {
        String time = SESSION_TIME.format(Instant.ofEpochMilli(start));
        return switch (p.sdk) {
            case AMPLIFY_JS -> draw.uuid(false);
            // trimOrPad(uniqueId, 8, '_'): the last 8 characters of the endpoint's unique id
            case AMPLIFY_ANDROID, AWS_SDK_ANDROID -> lastEight(p.endpointId) + "-" + time;
            // appId and uniqueId, each cut or padded to 8, then the day and the time
            case AMPLIFY_SWIFT, AWS_SDK_IOS -> firstEight(config.applicationId()) + "-" + firstEight(p.endpointId)
                    + "-" + time;
            case SERVER -> draw.uuid(false);
        };
    }

    static String lastEight(String s) {
        return s.length() >= 8 ? s.substring(s.length() - 8) : "_".repeat(8 - s.length()) + s;
    }

    static String firstEight(String s) {
        return s.length() >= 8 ? s.substring(0, 8) : s + "_".repeat(8 - s.length());
    }

    private String customType(Profile p) {
        String family = p.sdk == Sdk.SERVER ? "server" : p.sdk.platform().id();
        while (true) {
            EventSpec spec = draw.weighted(vocab.events, s -> s.families().contains(family) ? s.weight() : 0);
            boolean purchaseOk = p.sdk != Sdk.AMPLIFY_ANDROID; // v2 events carry no Metrics on the wire
            if (spec.type().equals("_monetization.purchase") && !purchaseOk
                    || spec.type().startsWith("_campaign.") && p.pushToken == null) {
                continue;
            }
            return spec.type();
        }
    }

    private ObjectNode event(Profile p, String type, String timestamp, ObjectNode session) {
        ObjectNode attributes = NODES.objectNode();
        ObjectNode metrics = NODES.objectNode();
        fill(p, type, attributes, metrics);
        ObjectNode e = NODES.objectNode();
        if (p.sdk == Sdk.AMPLIFY_JS) {
            e.put("EventType", type);
            e.put("Timestamp", timestamp);
            if (!attributes.isEmpty()) {
                e.set("Attributes", attributes);
            }
            if (!metrics.isEmpty()) {
                e.set("Metrics", metrics);
            }
            e.set("Session", session);
            return e;
        }
        if (p.sdk == Sdk.SERVER) {
            e.set("Attributes", attributes);
            e.put("EventType", type);
            if (!metrics.isEmpty()) {
                e.set("Metrics", metrics);
            }
            e.put("Timestamp", timestamp);
            return e;
        }
        e.put("AppPackageName", p.app.packageName());
        e.put("AppTitle", p.app.title());
        e.put("AppVersionCode", p.sdk.platform() == Platform.ANDROID ? p.app.versionCode() : p.app.versionName());
        e.set("Attributes", attributes);
        e.put("ClientSdkVersion", p.sdkVersion);
        e.put("EventType", type);
        if (p.sdk != Sdk.AMPLIFY_ANDROID) {
            e.set("Metrics", metrics);
        }
        e.put("SdkName", p.sdkName);
        e.set("Session", session);
        e.put("Timestamp", timestamp);
        return e;
    }

    private void fill(Profile p, String type, ObjectNode attributes, ObjectNode metrics) {
        if (type.equals("_monetization.purchase")) {
            purchase(p, attributes, metrics);
            return;
        }
        EventSpec spec = vocab.events.stream().filter(s -> s.type().equals(type)).findFirst().orElse(null);
        if (spec == null) {
            return; // _session.*
        }
        Product product = draw.one(vocab.products);
        for (String[] a : spec.attributes()) {
            attributes.put(a[0], attribute(p, a[1], product));
        }
        for (String[] m : spec.metrics()) {
            metrics.put(m[0], metric(p, m[1], product));
        }
    }

    private String attribute(Profile p, String source, Product product) {
        return switch (source) {
            case "screen" -> draw.one(vocab.screens);
            case "page_url" -> p.app.packageName() + draw.one(vocab.pages);
            case "query" -> faker.commerce().productName().toLowerCase(Locale.ROOT);
            case "product_id" -> product.id();
            case "product_name" -> product.name();
            case "category" -> product.category();
            case "campaign", "campaign_activity", "message_id" -> draw.hex(32);
            case "treatment" -> Integer.toString(draw.between(0, 2));
            case "order_id" -> "ORD-" + draw.digits(9);
            case "count" -> Integer.toString(draw.between(1, 8));
            default -> draw.one(vocab.content(source));
        };
    }

    private double metric(Profile p, String source, Product product) {
        return switch (source) {
            case "count" -> draw.between(0, 48);
            case "price" -> localPrice(p, product);
            case "quantity" -> draw.between(1, 3);
            case "position" -> draw.between(0, 240_000);
            case "seconds" -> draw.between(5, 600);
            default -> throw new IllegalStateException("event-types.tsv: unknown metric source " + source);
        };
    }

    private double localPrice(Profile p, Product product) {
        Currency c = vocab.currencies.get(p.city.currency());
        double scale = StrictMath.pow(10, c.digits());
        double price = product.usd() * c.perDollar();
        return Math.round(price * scale) / scale;
    }

    /** {@code _monetization.purchase}: the attributes and metrics of each SDK's monetization event builder. */
    private void purchase(Profile p, ObjectNode attributes, ObjectNode metrics) {
        Product product = draw.one(vocab.products);
        Currency c = vocab.currencies.get(p.city.currency());
        double price = localPrice(p, product);
        double quantity = draw.chance(0.9) ? 1 : draw.between(2, 3);
        if (p.sdk == Sdk.AMPLIFY_JS) { // app-recorded, as in https://github.com/aws-amplify/amplify-js/issues/3860
            attributes.put("_product_id", product.id());
            attributes.put("_currency", c.code());
            metrics.put("_item_price", price);
            metrics.put("_quantity", quantity);
            return;
        }
        attributes.put("_product_id", product.id());
        if (p.sdk.platform() == Platform.ANDROID) {
            boolean amazon = draw.chance(0.15);
            attributes.put("_store", amazon ? "Amazon" : "Google Play");
            attributes.put("_transaction_id", amazon ? draw.urlSafe(44)
                    : "GPA." + draw.digits(4) + "-" + draw.digits(4) + "-" + draw.digits(4) + "-" + draw.digits(5));
        } else {
            attributes.put("_store", "Apple");
            attributes.put("_transaction_id", "2000000" + draw.digits(9));
        }
        attributes.put("_currency", c.code());
        attributes.put("_item_price_formatted", formatted(c, price));
        metrics.put("_quantity", quantity);
        metrics.put("_item_price", price);
    }

    private static String formatted(Currency c, double price) {
        String amount = String.format(Locale.ROOT, "%." + c.digits() + "f", price).replace('.', c.decimalSeparator());
        return c.format().replace("{}", amount);
    }
}
