package io.github.pinpointevents.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Knows which connections have a request in progress, so that a stop can close the others at once. Jetty's
 * graceful stop answers the requests in progress (and closes their connections after the answer), but it
 * leaves a kept-alive idle connection open until the connector's shutdown idle timeout (1 s) expires, and the
 * JDK's clients (HttpURLConnection's keep-alive cache, java.net.http) keep such connections: every stop, for
 * instance between the test classes of the JUnit extension, waited for them.
 */
final class RequestsInProgress extends Handler.Wrapper {

    private final Set<EndPoint> busy = ConcurrentHashMap.newKeySet();

    RequestsInProgress(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        busy.add(endPoint);
        boolean handled = false;
        try {
            handled = super.handle(request, response, Callback.from(callback, () -> busy.remove(endPoint)));
            return handled;
        } finally {
            if (!handled) {
                busy.remove(endPoint);
            }
        }
    }

    /**
     * Closes the connector's connections as soon as they have no request in progress, until none is left or
     * {@code timeoutMillis} pass. Called once the connector is shut down: it accepts no new connection, and an
     * answer sent from now on closes its own connection, so this only has to close the idle ones (and those that
     * were still marked busy for the moment between their answer and its callback's return).
     */
    void closeWhenIdle(Connector connector, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + timeoutMillis * 1_000_000;
        while (true) {
            boolean left = false;
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                if (busy.contains(endPoint)) {
                    left = true;
                } else {
                    endPoint.close();
                }
            }
            if (!left || System.nanoTime() > end) {
                return;
            }
            Thread.sleep(5);
        }
    }
}
