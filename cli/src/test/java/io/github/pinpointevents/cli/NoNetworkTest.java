package io.github.pinpointevents.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation opens no socket. Every command that decides requests runs here, in this JVM, on the samples and
 * on documents whose {@code $schema} and {@code $ref} members point at a server socket of this test on the
 * loopback interface, under three independent witnesses:
 * <ol>
 * <li>a {@link ProxySelector} that records every URI it is asked about: the JDK asks it before every
 * connection {@code HttpURLConnection}, {@code java.net.http.HttpClient} and a plain {@code java.net.Socket}
 * make ({@code socket://host:port}), so a fetch by any of them is seen before it happens;</li>
 * <li>a Java Flight Recorder recording of {@code jdk.SocketRead} and {@code jdk.SocketWrite} with no
 * threshold: the JDK's instrumented socket streams and socket channels report every read and write, whichever
 * API opened them, NIO included;</li>
 * <li>the server socket that the documents point at, which must accept no connection.</li>
 * </ol>
 * (A custom {@code SecurityManager} would be the classic trap, but it is deprecated for removal and gone in
 * newer JDKs; a {@code URLStreamHandlerFactory} can be set once per JVM and sees URL fetches only, which the
 * proxy selector sees as well.) The witnesses are checked to work: a connection made on purpose, after the
 * commands ran, is seen by the selector and the recording, and accepted by the server.
 */
class NoNetworkTest {

    private static final String TS = "2024-01-01T00:00:00Z";

    @Test
    void validatePutEventsAndRulesOpenNoSocket(@TempDir Path dir) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(200);
            String remote = "http://127.0.0.1:" + server.getLocalPort() + "/";
            String body = "{\"$schema\": \"" + remote + "events-request.json\", \"BatchItem\": {\"ep\": {\"Endpoint\":"
                    + " {\"$ref\": \"" + remote + "endpoint.json\"}, \"Events\": {\"e\": {\"EventType\": \"play\","
                    + " \"Timestamp\": \"" + TS + "\"}}}}}";
            Path fixture = Files.writeString(dir.resolve("remote-refs.json"), body);
            Path cliInput = Files.writeString(dir.resolve("cli-input.json"), "{\"$schema\": \"" + remote + "in.json\","
                    + " \"ApplicationId\": \"app\", \"EventsRequest\": " + body + "}");

            List<URI> asked = Collections.synchronizedList(new ArrayList<>());
            ProxySelector original = ProxySelector.getDefault();
            ProxySelector.setDefault(new ProxySelector() {
                @Override
                public List<Proxy> select(URI uri) {
                    asked.add(uri);
                    return List.of(Proxy.NO_PROXY);
                }

                @Override
                public void connectFailed(URI uri, SocketAddress address, IOException e) {
                    asked.add(uri);
                }
            });
            List<Cli.Result> results = new ArrayList<>();
            List<RecordedEvent> socketEvents;
            Instant probeStart;
            Path jfr = dir.resolve("sockets.jfr");
            try (Recording recording = new Recording()) {
                recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO).withStackTrace();
                recording.enable("jdk.SocketWrite").withThreshold(Duration.ZERO).withStackTrace();
                recording.start();

                for (String format : List.of("text", "json", "sarif", "junit")) {
                    results.add(Cli.run("validate", "--format", format, Cli.samples().toString()));
                }
                results.add(Cli.run("validate", fixture.toString(), cliInput.toString()));
                results.add(Cli.runWithStdin(body, "validate", "-"));
                results.add(Cli.run("put-events", "--application-id", "app", "--events-request", body));
                results.add(Cli.run("put-events", "--cli-input-json", Cli.fileUri(cliInput)));
                results.add(Cli.run("put-events", "--application-id", "app", "--events-request",
                        Cli.fileUri(Cli.samples().resolve("valid/amplify-android-100-events.json"))));
                results.add(Cli.run("rules", "--format", "json"));
                results.add(Cli.run("generate", "-n", "40", "--invalid-rate", "0.5", "-f", "requests", "-o",
                        dir.resolve("generated").toString()));
                results.add(Cli.run("generate", "-n", "40", "--shard", "1/2"));

                assertEquals(List.of(), List.copyOf(asked), "no command asked for a connection");
                assertNoConnection(server);

                // The witnesses work: a connection made on purpose, now, is seen by each of them.
                probeStart = Instant.now();
                try (Socket probe = new Socket("127.0.0.1", server.getLocalPort()); Socket accepted = server.accept()) {
                    probe.getOutputStream().write(42);
                    assertEquals(42, accepted.getInputStream().read());
                }
                recording.stop();
                recording.dump(jfr);
                socketEvents = RecordingFile.readAllEvents(jfr);
            } finally {
                ProxySelector.setDefault(original);
            }
            assertEquals(List.of(URI.create("socket://127.0.0.1:" + server.getLocalPort())), asked,
                    "the selector saw the probe, and only the probe");
            Instant start = probeStart;
            assertEquals(List.of(), socketEvents.stream().filter(e -> e.getStartTime().isBefore(start)).toList(),
                    "socket reads or writes before the probe");
            assertEquals(List.of("jdk.SocketRead", "jdk.SocketWrite"), socketEvents.stream()
                    .map(e -> e.getEventType().getName()).distinct().sorted().toList(), "the probe's write and read");

            // And the commands did their work.
            results.forEach(r -> assertTrue(r.code() == 0 || r.code() == 1 || r.code() == 252, r::toString));
            Cli.Result fixtureRun = results.get(4);
            assertTrue(fixtureRun.out().contains(fixture + ":1:2: error request.unknown-member /$schema:"),
                    fixtureRun::toString);
            assertEquals(252, results.get(6).code(), results.get(6)::toString);
            assertTrue(results.get(6).err().startsWith("\nParameter validation failed:\nUnknown parameter in"
                    + " EventsRequest: \"$schema\", must be one of: BatchItem\n"), results.get(6)::toString);
        }
    }

    private static void assertNoConnection(ServerSocket server) throws IOException {
        try {
            server.accept().close();
            throw new AssertionError("something connected to " + server.getLocalSocketAddress());
        } catch (SocketTimeoutException expected) {
            // nobody came
        }
    }
}
