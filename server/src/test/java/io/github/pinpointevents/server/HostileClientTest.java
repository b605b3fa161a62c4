package io.github.pinpointevents.server;

import static io.github.pinpointevents.server.TestSupport.json;
import static io.github.pinpointevents.server.TestSupport.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that send too much, too slowly or not at all, on loopback: each gets its documented answer, a normal
 * client is answered meanwhile, and no descriptor is left behind. Every socket is bounded in count and time.
 */
@Timeout(60)
class HostileClientTest {

    private static final String EVENTS = "/v1/apps/app-1/events";
    private static final byte[] ONE_EVENT = ("{\"BatchItem\":{\"ep-1\":{\"Endpoint\":{},\"Events\":{\"e-1\":"
            + "{\"EventType\":\"play\",\"Timestamp\":\"2025-03-14T09:26:53.589Z\"}}}}}").getBytes(StandardCharsets.UTF_8);

    @Test
    void headersOverTheLimitAre431InJson() throws Exception {
        try (PinpointEventsServer server = PinpointEventsServer.builder().build().start();
                Socket s = connect(server)) {
            String request = "POST " + EVENTS + " HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                    + "\r\nContent-Length: 0\r\n\r\n";
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String answer = readAll(s);
            assertTrue(answer.startsWith("HTTP/1.1 431 "), answer);
            assertTrue(answer.contains("x-amzn-ErrorType: RequestHeaderFieldsTooLargeException"), answer);
            assertEquals("Request header fields too large (limit: --max-header-bytes)",
                    json(body(answer)).get("Message").asString());
        }
    }

    @Test
    void expectContinueIsAnsweredAndADeclaredOversizedBodyIsRefusedUnread() throws Exception {
        try (PinpointEventsServer server = PinpointEventsServer.builder().build().start()) {
            try (Socket s = connect(server)) {
                OutputStream out = s.getOutputStream();
                out.write(("POST " + EVENTS + " HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: "
                        + ONE_EVENT.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String interim = readLine(s.getInputStream());
                assertEquals("HTTP/1.1 100 Continue", interim);
                out.write(ONE_EVENT);
                String answer = readUntil(s.getInputStream(), "}}}");
                assertTrue(answer.contains("HTTP/1.1 202 "), answer);
            }
            try (Socket s = connect(server)) {
                s.getOutputStream().write(("POST " + EVENTS + " HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                        + "Content-Length: 4000001\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String answer = readUntil(s.getInputStream(), "\"}");
                assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
                assertTrue(answer.contains("x-amzn-ErrorType: PayloadTooLargeException"), answer);
            }
            assertEquals(1, server.recordedEvents().size());
        }
    }

    @Test
    void anEndlessChunkedBodyGets413AfterABoundedRead() throws Exception {
        try (PinpointEventsServer server = PinpointEventsServer.builder().build().start();
                Socket s = connect(server)) {
            OutputStream out = s.getOutputStream();
            out.write(("POST " + EVENTS + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            long sent = 0;
            try {
                // At most 64 MB: four times what the server reads before it stops.
                while (sent < 64L * 1024 * 1024) {
                    out.write(chunk);
                    sent += chunk.length;
                }
            } catch (IOException closed) {
                // The server stopped reading and closed the connection: expected.
            }
            assertTrue(sent < 64L * 1024 * 1024, "the server kept reading " + sent + " bytes");
            String answer = readUntil(s.getInputStream(), "\"}");
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertTrue(answer.contains("Request body exceeds the maximum size of 4 MB"), answer);
        }
    }

    @Test
    void slowAndStalledClientsDoNotStopANormalOneAndTimeOutWith408() throws Exception {
        List<Socket> hostile = new ArrayList<>();
        try (PinpointEventsServer server = PinpointEventsServer.builder().threads(4)
                .idleTimeout(Duration.ofSeconds(2)).build().start()) {
            try {
                for (int i = 0; i < 30; i++) {
                    // Slowloris: a request line and part of the headers, never the end.
                    Socket s = connect(server);
                    s.getOutputStream().write(("POST " + EVENTS + " HTTP/1.1\r\nHost: x\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    hostile.add(s);
                }
                for (int i = 0; i < 10; i++) {
                    // A 3.9 MB body announced, a few bytes sent, then silence.
                    Socket s = connect(server);
                    s.getOutputStream().write(("POST " + EVENTS + " HTTP/1.1\r\nHost: x\r\nContent-Length: 3900000"
                            + "\r\n\r\n{\"BatchItem\"").getBytes(StandardCharsets.US_ASCII));
                    hostile.add(s);
                }
                long start = System.nanoTime();
                HttpResponse<String> normal = post(server, EVENTS, ONE_EVENT);
                assertEquals(202, normal.statusCode());
                assertTrue(System.nanoTime() - start < 1_500_000_000L, "the normal client waited");
                String stalled = readUntil(hostile.get(hostile.size() - 1).getInputStream(), "\"}");
                assertTrue(stalled.startsWith("HTTP/1.1 408 "), stalled);
                assertTrue(stalled.contains("x-amzn-ErrorType: RequestTimeoutException"), stalled);
            } finally {
                for (Socket s : hostile) {
                    s.close();
                }
            }
        }
    }

    @Test
    void halfSentRequestsAndManyConnectionsLeaveNoDescriptorBehind() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd (Linux) to count descriptors");
        try (PinpointEventsServer server = PinpointEventsServer.builder().maxConnections(64).build().start()) {
            assertEquals(202, post(server, EVENTS, ONE_EVENT).statusCode());   // warm: Jetty's lazy descriptors
            long before = count(fds);
            for (int round = 0; round < 4; round++) {
                List<Socket> sockets = new ArrayList<>();
                for (int i = 0; i < 100; i++) {   // more than maxConnections: the rest wait in the backlog
                    Socket s = new Socket();
                    s.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()), 5_000);
                    s.getOutputStream().write(("POST " + EVENTS + " HTTP/1.1\r\nHo")
                            .getBytes(StandardCharsets.US_ASCII));
                    sockets.add(s);
                }
                for (Socket s : sockets) {
                    s.setSoLinger(true, 0);   // hang up with a reset, mid-request
                    s.close();
                }
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            long after = count(fds);
            while (after > before && System.nanoTime() < deadline) {
                Thread.sleep(100);
                after = count(fds);
            }
            assertTrue(after <= before, "descriptors before " + before + ", after " + after);
            assertEquals(202, post(server, EVENTS, ONE_EVENT).statusCode());
        }
    }

    private static long count(Path fds) throws IOException {
        try (Stream<Path> list = Files.list(fds)) {
            return list.count();
        }
    }

    private static Socket connect(PinpointEventsServer server) throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(15_000);
        return s;
    }

    private static String readAll(Socket s) throws IOException {
        try {
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within the socket timeout", e);
        }
    }

    /** Reads until the text ends with {@code end} or the connection closes. */
    private static String readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            got.write(b);
            if (got.size() > 1_000_000 || got.toString(StandardCharsets.UTF_8).endsWith(end)) {
                break;
            }
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        String head = readUntil(in, "\r\n\r\n");
        return head.substring(0, head.indexOf("\r\n"));
    }

    private static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }
}
