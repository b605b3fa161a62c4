package io.github.pinpointevents.cli;

import java.net.SocketException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The one line serve prints when the server cannot start: the address cannot be bound, or the file opened. */
final class ServeStartFailure {

    private ServeStartFailure() {
    }

    static String describe(Exception e, String host, String port, String record, String eventStream) {
        if (e instanceof SocketException) {
            return "cannot listen on " + host + " port " + port + ": " + reason(e);
        }
        if (eventStream != null && e instanceof FileSystemException fs && fs.getFile() != null
                && Path.of(fs.getFile()).equals(Path.of(eventStream))) {
            return "cannot open the event-stream file " + eventStream + ": " + reason(e);
        }
        return (record != null ? "cannot open the record file " + record + ": " : "cannot start: ") + reason(e);
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
