package io.github.pinpointevents.core.generate;

/**
 * The client that sends an endpoint's events, with the conventions of its real code
 * (read in https://github.com/aws-amplify/amplify-js, .../amplify-android, .../amplify-swift,
 * .../aws-sdk-android and .../aws-sdk-ios): SdkName and ClientSdkVersion, id casing, Session.Id format,
 * pause/resume events, the shape of the Endpoint it sends.
 */
public enum Sdk {
    /** amplify-android v2: full endpoint, ISO-3 country (also as Locale), Duration on every event, no event Metrics. */
    AMPLIFY_ANDROID("amplify-android", Platform.ANDROID, false, false),
    /** aws-sdk-android (legacy): ChannelType, OptOut always; empty location strings; pause and resume. */
    AWS_SDK_ANDROID("aws-sdk-android", Platform.ANDROID, true, false),
    /** amplify-swift: upper-case UUIDs, APNs channel, pause and resume. */
    AMPLIFY_SWIFT("amplify-swift", Platform.IOS, true, true),
    /** aws-sdk-ios (legacy): SdkName {@code aws-sdk-iOS}, upper-case UUIDs, pause and resume. */
    AWS_SDK_IOS("aws-sdk-ios", Platform.IOS, true, true),
    /** amplify-js v6: an empty Endpoint {}, minimal events, UUID v4 session ids, Duration only on stop. */
    AMPLIFY_JS("amplify-js", Platform.WEB, false, false),
    /** A back end sending on behalf of its users (ISV style): e-mail endpoints, business events, no sessions. */
    SERVER("server", Platform.WEB, false, false);

    private final String id;
    private final Platform platform;
    private final boolean pauseResume;
    private final boolean upperCaseIds;

    Sdk(String id, Platform platform, boolean pauseResume, boolean upperCaseIds) {
        this.id = id;
        this.platform = platform;
        this.pauseResume = pauseResume;
        this.upperCaseIds = upperCaseIds;
    }

    /** The name used in options: {@code amplify-android}, {@code aws-sdk-ios}, {@code server}, ... */
    public String id() {
        return id;
    }

    public Platform platform() {
        return platform;
    }

    /** Whether the SDK records {@code _session.pause} and {@code _session.resume}. */
    public boolean sendsPauseResume() {
        return pauseResume;
    }

    /** Whether endpoint and event ids are upper-case UUIDs (Swift's and Objective-C's {@code UUIDString}). */
    public boolean upperCaseIds() {
        return upperCaseIds;
    }

    public static Sdk of(String id) {
        for (Sdk s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown SDK '" + id
                + "' (amplify-android, aws-sdk-android, amplify-swift, aws-sdk-ios, amplify-js, server)");
    }
}
