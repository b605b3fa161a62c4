package io.github.pinpointevents.core.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary file a complete output is written to before it is moved over its target, named
 * {@code .TARGET.PID-N.tmp}: hidden, beside its target (so the move is atomic), and carrying the id of the
 * process that made it. A run that is stopped by SIGTERM or SIGINT removes its own files in a shutdown hook;
 * one killed outright (SIGKILL, a power cut) cannot, so {@link #removeStale} removes, on a later run at the
 * same output, the files of this naming whose process no longer runs.
 */
public final class TemporarySibling {

    private static final AtomicLong COUNT = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();
    private static final Pattern NAME = Pattern.compile("\\.(.+)\\.(\\d{1,19})-\\d{1,19}\\.tmp");
    /** This process's temporary files not yet moved or removed: what the shutdown hook removes. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(p -> {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // the process is ending: a file that cannot be removed now is removed by the next run
            }
        }), "pinpoint-events-temporary-files"));
    }

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
            Path tmp = dir.resolve("." + target.getFileName() + "." + PID + "-" + COUNT.incrementAndGet() + ".tmp");
            try {
                LIVE.add(tmp); // before the file exists: a signal between the two still finds it
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                LIVE.remove(tmp); // another run's file: try the next name
            } catch (IOException | RuntimeException e) {
                LIVE.remove(tmp);
                throw e;
            }
        }
    }

    /** Moves a temporary file over its target; the shutdown hook forgets it. */
    public static void moveOver(Path tmp, Path target) throws IOException {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LIVE.remove(tmp);
    }

    /** Removes a temporary file that will not be moved. */
    public static void delete(Path tmp) throws IOException {
        Files.deleteIfExists(tmp);
        LIVE.remove(tmp);
    }

    /**
     * Removes the temporary files of this naming in {@code dir} left by a process that no longer runs (or by
     * this one, and no longer in use), for targets named {@code stem} or {@code stem.*}; every target when
     * {@code stem} is null. Files of a run still going on at the same output are left alone.
     *
     * @return how many files were removed
     */
    public static int removeStale(Path dir, String stem) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path entry : entries) {
                Matcher m = NAME.matcher(entry.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(entry) || LIVE.contains(entry.toAbsolutePath())) {
                    continue;
                }
                String target = m.group(1);
                if (stem != null && !target.equals(stem) && !target.startsWith(stem + ".")) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(m.group(2));
                } catch (NumberFormatException e) {
                    continue;
                }
                boolean running = pid != PID && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (!running && Files.deleteIfExists(entry)) {
                    removed++;
                }
            }
        }
        return removed;
    }
}
