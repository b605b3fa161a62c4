package io.github.pinpointevents.cli;

import io.github.pinpointevents.server.PinpointEventsServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** A local PutEvents endpoint for integration tests: the service's decisions over HTTP, with recording. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ServeCommand.USAGE,
        exitCodeOnExecutionException = ServeCommand.USAGE,
        description = {
            "Answer PutEvents over HTTP as Amazon Pinpoint would, for integration tests.",
            "Serves POST /v1/apps/{application-id}/events with the service's decision.",
            "The AWS CLI's parameter validation is not applied: SDKs other than the AWS",
            "CLI and boto3 send bodies unchecked, and the service judges them.",
            "Prints one line, 'Listening on http://HOST:PORT', then runs until",
            "interrupted (Ctrl+C, SIGTERM). Point clients at that address: the AWS CLI's",
            "--endpoint-url, an SDK's endpointOverride or endpoint setting.",
            "",
            "No authentication: SigV4 signatures and credentials are accepted without",
            "being checked, so any access key works. Every application id exists unless",
            "--application-id is given.",
            "",
            "Also UpdateEndpoint (PUT) and GetEndpoint (GET) on",
            "/v1/apps/{application-id}/endpoints/{endpoint-id}; any other /v1/apps",
            "operation gets 405 MethodNotAllowedException naming it.",
            "",
            "Answers, all JSON: 202 with {\"Results\": ...}; a whole-request error with its",
            "HTTP status, header x-amzn-ErrorType and body {\"Message\": ..., \"RequestID\": ...};",
            "404 NotFoundException on other paths; 408 on --idle-timeout; 413 over",
            "4,000,000 bytes; 431 over --max-header-bytes. Every answer has an",
            "x-amzn-RequestId header.",
            "",
            "Accepted events (per-event 202) are recorded:",
            "  GET    " + PinpointEventsServer.RECORDED_EVENTS_PATH + "[?after=SEQ&limit=N]",
            "         {\"RecordedEvents\": [{\"ApplicationId\", \"EndpointId\", \"EventId\",",
            "         \"Event\"}, ...], \"LastSequence\": N, \"Dropped\": N}: the last --max-events",
            "  DELETE " + PinpointEventsServer.RECORDED_EVENTS_PATH,
            "         forgets them; {\"Cleared\": N}. A --record file is kept as it is.",
            ""},
        footer = {"",
            "Only this listening socket is opened, on loopback unless --allow-non-loopback.",
            "",
            "Exit codes:",
            "  2    usage error, or the address or the record file cannot be opened",
            "  130  interrupted (SIGINT; 143 for SIGTERM): requests in progress are",
            "       finished and the record file is closed after a whole line"})
final class ServeCommand implements Callable<Integer> {

    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}). A loopback address (127.0.0.1, ::1,"
                    + " localhost) unless --allow-non-loopback.")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "Port to listen on, 0 for a free one (default: ${DEFAULT-VALUE}); the printed address"
                    + " tells which.")
    String port;

    @Option(names = "--record", paramLabel = "FILE.ndjson",
            description = "Also append each accepted event to FILE as one JSON line, {\"ApplicationId\","
                    + " \"EndpointId\", \"EventId\", \"Event\"}. An existing file is appended to, never truncated;"
                    + " a request's lines are written together before its answer; a torn last line left by a"
                    + " crash is moved to FILE.torn on start.")
    String record;

    @Option(names = "--application-id", paramLabel = "ID",
            description = "An application id that exists (repeatable). Requests for any other get 404"
                    + " NotFoundException 'Resource not found', as the service answers for an unknown project."
                    + " Default: every id exists.")
    List<String> applicationIds;

    @Option(names = "--allow-non-loopback",
            description = "Allow a --host that is not a loopback address, such as 0.0.0.0 in a container."
                    + " Requests are not authenticated: anyone who can reach the port can send events.")
    boolean allowNonLoopback;

    @Mixin
    ServeLimits limits;

    @Mixin
    EventStreamOption eventStream;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PinpointEventsServer.Builder builder = PinpointEventsServer.builder().host(host)
                .allowNonLoopback(allowNonLoopback);
        try {
            builder.port(port(port));
            limits.applyTo(builder);
            eventStream.applyTo(builder);
            if (record != null) {
                builder.recordFile(Path.of(record));
            }
        } catch (InvalidPathException e) {
            err.println("pinpoint-events serve: --record: " + e.getMessage());
            return USAGE;
        } catch (IllegalArgumentException e) {
            err.println("pinpoint-events serve: " + e.getMessage());
            return USAGE;
        }
        if (applicationIds != null) {
            builder.applicationIds(new LinkedHashSet<>(applicationIds));
        }
        PinpointEventsServer server = builder.build();
        try {
            // start() registers a shutdown hook: on SIGINT/SIGTERM requests in progress finish, the file closes.
            server.start();
        } catch (IllegalArgumentException e) {
            err.println("pinpoint-events serve: --host " + e.getMessage() + " (add --allow-non-loopback)");
            return USAGE;
        } catch (IOException | RuntimeException e) {
            err.println("pinpoint-events serve: " + ServeStartFailure.describe(e, host, port, record, eventStream.eventStream));
            return USAGE;
        }
        out.println("Listening on " + server.endpoint());
        out.flush();
        new CountDownLatch(1).await();   // until the JVM shuts down
        return 0;
    }

    private static int port(String value) {
        return ServeLimits.atMost("--port", ServeLimits.number("--port", value, 0), 65535, "0 to 65535");
    }
}
