package io.github.pinpointevents.core.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/** The temporary file a complete output is written to before it is moved over its target. */
public final class TemporarySibling {

    private static final AtomicLong COUNT = new AtomicLong();

    private TemporarySibling() {
    }

    /**
     * A new, empty hidden file beside the target. Not {@link Files#createTempFile}, whose files are private
     * (0600): what is written must get the usual permissions (the umask's), like any other file the user makes.
     */
    public static Path create(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        while (true) {
            Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + COUNT.incrementAndGet() + ".tmp");
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                // another run's file: try the next name
            }
        }
    }
}
