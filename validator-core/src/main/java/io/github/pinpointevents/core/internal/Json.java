package io.github.pinpointevents.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** The one Jackson mapper, and JSON Pointer helpers. */
public final class Json {

    /** The request body limit (4 MB read as 4,000,000 bytes); see {@code PayloadTooLargeRule}. */
    private static final int BODY_LIMIT = 4_000_000;

    /**
     * What the parser accepts, set on purpose rather than left to Jackson's defaults, so that hostile input
     * is refused cleanly (a {@code StreamConstraintsException}, which the engine reports as malformed JSON)
     * instead of costing memory or time. A body is checked against the 4,000,000-byte limit before it is
     * parsed, so no constraint here can refuse a body the size check lets through, except where the reason
     * says so.
     */
    public static final StreamReadConstraints READ_CONSTRAINTS = StreamReadConstraints.builder()
            // A valid request nests at most 7 levels (body, BatchItem, endpoint, Endpoint, Attributes, name,
            // value list); anything deeper fails deserialization at the service anyway. 500 is Jackson 3's
            // default and keeps our recursive walks (NullMembers, PythonJson, PythonRepr, the schema
            // validator) far from a stack overflow on a default 1 MB thread stack.
            .maxNestingDepth(500)
            // Equal to the body limit: bodies never reach it (the size check comes first), but every other
            // document we parse (a fixture, an NDJSON line, an AWS CLI parameter, an expected file) is
            // bounded too, so no parse can hold more than one body's worth of input.
            .maxDocumentLength(BODY_LIMIT)
            // One string can fill a body but not exceed it: 4,000,000 bytes of UTF-8 decode to at most
            // 4,000,000 chars. Jackson's default (100,000,000 chars, 200 MB of char[]) would let one string
            // exhaust a 256 MB heap before any size check of ours could answer.
            .maxStringLength(BODY_LIMIT)
            // A double needs 17 significant digits, Session.Duration (a 32-bit integer) 10; 1,000 is Jackson's
            // default, keeps 300-digit integers (still finite doubles) to be judged by the rules, and bounds
            // the BigInteger/BigDecimal parsing cost, which grows quadratically with the digits. The
            // service's Jackson (2.15 and later) refuses longer numbers with the same limit.
            .maxNumberLength(1_000)
            // Jackson's default since 2.16, so the service's parser likely refuses longer names too; the
            // longest name the rules accept is far shorter (attribute names: 50 characters).
            .maxNameLength(50_000)
            .build();

    /**
     * Immutable and thread-safe. Parse errors quote the input, as the service's answers to unparsable
     * bodies do (Pinpoint quotes Jackson's parser text: https://github.com/aws/aws-sdk-ruby/issues/2962). An
     * object naming a member twice is refused ({@code DuplicateMemberRule}).
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(READ_CONSTRAINTS)
                    .build())
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .nodeFactory(CompactNodeFactory.INSTANCE)
            .build();

    /**
     * Reads JSON as the AWS CLI reads its parameters, with Python's {@code json.loads}: a member named twice
     * keeps its first position and its last value, and {@code NaN}, {@code Infinity} and {@code -Infinity}
     * are numbers (botocore then sends them as such, and the service's parser refuses them). Same
     * constraints as {@link #MAPPER}. For what the AWS CLI reads, never for a body the service reads.
     */
    public static final ObjectReader AWS_CLI_READER = MAPPER.reader()
            .without(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);

    /**
     * A member named twice caught where the tree puts it, not by the parser's own detector, which costs a set
     * per object (about a sixth of a parse of a 100-event request, in a loop over bench/corpus.sh's bodies).
     * The exceptions differ, so {@link #readStrict} uses it only for documents it accepts.
     */
    private static final ObjectReader DUPLICATES_IN_TREE = MAPPER.reader()
            .without(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /**
     * {@code MAPPER.readTree}, faster: a document it accepts is read once, and any other is read again by
     * {@link #MAPPER}, so the exception (message, location) is the one MAPPER throws.
     */
    public static JsonNode readStrict(byte[] bytes, int offset, int length) {
        try {
            return DUPLICATES_IN_TREE.readTree(bytes, offset, length);
        } catch (JacksonException e) {
            return MAPPER.readTree(bytes, offset, length);
        }
    }

    public static JsonNode readStrict(byte[] bytes) {
        return readStrict(bytes, 0, bytes.length);
    }

    /** True when the parser refused an object for naming a member twice. */
    public static boolean isDuplicateMember(JacksonException e) {
        return e instanceof StreamReadException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Duplicate Object property ");
    }

    private Json() {
    }

    /**
     * The double a Jackson service reads for a number node: Infinity for an integer beyond the range of a
     * double. Jackson 3's {@code doubleValue()} throws for such a {@code BigIntegerNode} instead.
     */
    public static double toDouble(JsonNode number) {
        if (number.isBigInteger()) {
            return number.bigIntegerValue().doubleValue();
        }
        if (number.isBigDecimal()) {
            return number.decimalValue().doubleValue();
        }
        return number.doubleValue();
    }

    /** Size in bytes of the node written as compact UTF-8 JSON, without building the bytes. */
    public static int compactSize(JsonNode node) {
        CountingStream counter = new CountingStream();
        MAPPER.writeValue(counter, node);
        return (int) Math.min(Integer.MAX_VALUE, counter.count);
    }

    /** Escapes one reference token (RFC 6901). */
    public static String escapePointer(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    public static String unescapePointer(String token) {
        if (token.indexOf('~') < 0) {
            return token;
        }
        return token.replace("~1", "/").replace("~0", "~");
    }

    /** The unescaped reference tokens of a pointer; the root "" has none. */
    public static String[] tokens(String pointer) {
        if (pointer.isEmpty()) {
            return new String[0];
        }
        String[] raw = pointer.substring(1).split("/", -1);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = unescapePointer(raw[i]);
        }
        return raw;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
        }
    }
}
