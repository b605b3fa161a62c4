package io.github.pinpointevents.bench;

import io.github.pinpointevents.core.JsonCodec;
import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.result.DecidedRequest;
import io.github.pinpointevents.core.result.ItemResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;

/**
 * The part of serve's work on a PutEvents request that no HTTP stack can take away, with no HTTP at all: the
 * decision (parse, schema, rules, the answer's tree), the compact text of every accepted event (what its record
 * line and journal entry carry) and the answer's bytes. serve does all of this for each request and more (the
 * HTTP exchange, the journal, the record file), so this benchmark's requests/s, run with as many threads as
 * cores ({@code -t 2} here), bounds serve's from above on the same body. bench/serve-vs-nginx.sh runs it in the
 * same run as its wrk loads.
 *
 * <p>{@link #jacksonTokens} reads the same body's tokens with Jackson and nothing else: no tree, no check.
 * Any decision built on Jackson reads at least that much, so it bounds from above even a decision that read
 * tokens once instead of building a tree.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class ServeWorkBenchmark {

    /** The request body, a file; relative to the working directory. */
    @Param("samples/valid/amplify-android-100-events.json")
    public String body;

    private byte[] bytes;
    private PutEventsValidator validator;
    private final JsonFactory tokens = new JsonFactory();

    @Setup
    public void setUp() throws IOException {
        bytes = Files.readAllBytes(Path.of(body));
        validator = PutEventsValidator.create(ValidatorConfig.defaults());
        if (!validator.decide(bytes).allAccepted()) {
            throw new IllegalStateException(body + ": not every event is accepted, so this is not serve's load");
        }
    }

    @Benchmark
    public void putEvents(Blackhole bh) {
        DecidedRequest decided = validator.decideRequest(bytes);
        JsonNode batchItem = decided.request().path("BatchItem");
        List<JsonNode> accepted = new ArrayList<>();
        for (Map.Entry<String, ItemResponse> item : decided.decision().response().results().entrySet()) {
            JsonNode events = batchItem.path(item.getKey()).path("Events");
            item.getValue().eventsItemResponse().forEach((id, status) -> {
                if (status.accepted()) {
                    accepted.add(events.path(id));
                }
            });
        }
        bh.consume(JsonCodec.writeEach(accepted, bytes.length));
        bh.consume(decided.decision().response().toJsonBytes());
    }

    @Benchmark
    public long jacksonTokens() {
        long strings = 0;
        try (JsonParser parser = tokens.createParser(ObjectReadContext.empty(), bytes)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.VALUE_STRING) {
                    strings += parser.getTextLength();   // Jackson decodes a string only when asked; a decision asks
                }
            }
        }
        return strings;
    }
}
