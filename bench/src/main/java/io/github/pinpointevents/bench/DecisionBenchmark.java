package io.github.pinpointevents.bench;

import io.github.pinpointevents.core.InputSource;
import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Throughput of the decision engine on one realistic, fully accepted 100-event request
 * ({@code samples/valid/amplify-android-100-events.json}), against the cost of merely parsing the same bytes
 * into a Jackson tree.
 *
 * <p>The samples folder is {@code -Dpinpoint.samples=DIR} (default {@code samples}, relative to the working
 * directory). A forked JVM inherits the host JVM's arguments, so {@code java -Dpinpoint.samples=DIR -jar
 * benchmarks.jar} is enough.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@State(Scope.Benchmark)
public class DecisionBenchmark {

    static final String SAMPLE = "valid/amplify-android-100-events.json";

    private byte[] bytes;
    private PutEventsValidator validator;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path file = Path.of(System.getProperty("pinpoint.samples", "samples")).resolve(SAMPLE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("sample not found: " + file.toAbsolutePath()
                    + " (set -Dpinpoint.samples=DIR, e.g. with -jvmArgsAppend)");
        }
        bytes = Files.readAllBytes(file);
        validator = PutEventsValidator.create(ValidatorConfig.defaults());

        // Measure the accepted path only: a refused request would short-circuit most of the work.
        Decision decision = validator.decide(bytes);
        if (!decision.allAccepted()) {
            throw new IllegalStateException(file + " is not accepted: "
                    + (decision.error() != null ? decision.error() : decision.violations()));
        }
        List<Violation> cli = validator.checkParameters(cliInput(Json.MAPPER.readTree(bytes)), InputSource.EVENTS_REQUEST_ARGUMENT);
        if (!cli.isEmpty()) {
            throw new IllegalStateException(file + " fails client-side parameter validation: " + cli);
        }
    }

    /** The {@code {"ApplicationId": ..., "EventsRequest": ...}} document botocore validates. */
    private static ObjectNode cliInput(JsonNode eventsRequest) {
        ObjectNode input = Json.MAPPER.createObjectNode();
        input.put("ApplicationId", "bench");
        input.set("EventsRequest", eventsRequest);
        return input;
    }

    /** Baseline: bytes to a Jackson tree, nothing else. */
    @Benchmark
    public void jacksonTreeParse(Blackhole bh) {
        bh.consume(Json.MAPPER.readTree(bytes));
    }

    /** The service's decision (size check, parse, schema, request/endpoint/event rules, warnings). */
    @Benchmark
    public void fullDecision(Blackhole bh) {
        bh.consume(validator.decide(bytes));
    }

    /**
     * What {@code validate} does for a bare EventsRequest: the service's decision, plus botocore's parameter
     * validation of the same request wrapped in a CLI input document (parsed here; {@code decide} keeps its tree
     * to itself).
     */
    @Benchmark
    public void fullDecisionWithParameterCheck(Blackhole bh) {
        bh.consume(validator.decide(bytes));
        bh.consume(validator.checkParameters(cliInput(Json.MAPPER.readTree(bytes)), InputSource.EVENTS_REQUEST_ARGUMENT));
    }
}
