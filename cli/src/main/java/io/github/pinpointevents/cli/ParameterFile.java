package io.github.pinpointevents.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** An AWS CLI parameter value: literal text, or {@code file://path} (UTF-8) read as the AWS CLI reads it. */
final class ParameterFile {

    private ParameterFile() {
    }

    static String load(String parameter, String value) throws ParameterException {
        for (String prefix : new String[] {"file://", "fileb://"}) {
            if (value.startsWith(prefix)) {
                String path = value.substring(prefix.length());
                try {
                    return new String(Files.readAllBytes(Path.of(path)), StandardCharsets.UTF_8);
                } catch (NoSuchFileException e) {
                    throw new ParameterException("Error parsing parameter '" + parameter
                            + "': Unable to load paramfile " + value
                            + ": [Errno 2] No such file or directory: '" + path + "'");
                } catch (IOException | RuntimeException e) {
                    throw new ParameterException("Error parsing parameter '" + parameter
                            + "': Unable to load paramfile "
                            + value + ": " + e.getMessage());
                }
            }
        }
        return value;
    }

    /** A parameter the AWS CLI could not load or parse. */
    static final class ParameterException extends Exception {
        ParameterException(String message) {
            super(message);
        }
    }
}
