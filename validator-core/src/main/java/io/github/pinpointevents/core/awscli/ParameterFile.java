package io.github.pinpointevents.core.awscli;

import io.github.pinpointevents.core.internal.PythonRepr;
import io.github.pinpointevents.core.rules.request.PayloadTooLargeRule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import tools.jackson.databind.node.JsonNodeFactory;

/** An AWS CLI parameter value: literal text, or {@code file://path} (UTF-8) read as the AWS CLI reads it. */
final class ParameterFile {

    private ParameterFile() {
    }

    /**
     * The parameter's text.
     *
     * @throws TooLargeException when the value is over the body limit: the body botocore would send from it
     *         is too (the AWS CLI re-serializes it, so only indentation could make it shorter), and the answer
     *         is known without reading it
     */
    static String load(String parameter, String value) throws ParameterException, TooLargeException {
        for (String prefix : new String[] {"file://", "fileb://"}) {
            if (value.startsWith(prefix)) {
                String path = value.substring(prefix.length());
                try {
                    if (path.isEmpty() || path.indexOf('\0') >= 0) { // Python: open('') fails; a NUL, ValueError
                        throw new NoSuchFileException(path);
                    }
                    Path file = Path.of(path);
                    long size = Files.size(file);
                    if (size > PayloadTooLargeRule.MAX_BODY_BYTES) {
                        throw new TooLargeException(size);
                    }
                    return decode(parameter, path, Files.readAllBytes(file));
                } catch (NoSuchFileException e) {
                    throw unloadable(parameter, value, path, "[Errno 2] No such file or directory");
                } catch (AccessDeniedException e) {
                    throw unloadable(parameter, value, path, "[Errno 13] Permission denied");
                } catch (IOException | RuntimeException e) {
                    if (e instanceof IOException && Files.isDirectory(Path.of(path))) {
                        throw unloadable(parameter, value, path, "[Errno 21] Is a directory");
                    }
                    throw new ParameterException("Error parsing parameter '" + parameter
                            + "': Unable to load paramfile " + value + ": " + e.getMessage());
                }
            }
        }
        if (value.length() > PayloadTooLargeRule.MAX_BODY_BYTES / 3) { // only then can it be over the limit
            long size = value.getBytes(StandardCharsets.UTF_8).length;
            if (size > PayloadTooLargeRule.MAX_BODY_BYTES) {
                throw new TooLargeException(size);
            }
        }
        return value;
    }

    /** Python's OSError text: "[Errno N] text: 'path'" (the path as Python's repr quotes it). */
    private static ParameterException unloadable(String parameter, String value, String path, String errno) {
        return new ParameterException("Error parsing parameter '" + parameter + "': Unable to load paramfile " + value
                + ": " + errno + ": " + PythonRepr.repr(JsonNodeFactory.instance.stringNode(path), false));
    }

    /** The file's text; like the AWS CLI, refuses bytes that are not UTF-8 instead of replacing them. */
    private static String decode(String parameter, String path, byte[] bytes) throws ParameterException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ParameterException("Error parsing parameter '" + parameter + "': Unable to load paramfile ("
                    + path + "), text contents could not be decoded.  If this is a binary file, please use the"
                    + " fileb:// prefix instead of the file:// prefix.");
        }
    }

    /** A parameter the AWS CLI could not load or parse. */
    static final class ParameterException extends Exception {
        private final int exitCode;

        ParameterException(String message) {
            this(message, AwsCliPutEvents.CLIENT_ERROR);
        }

        ParameterException(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    /** A parameter over the body limit, with its size in bytes. */
    static final class TooLargeException extends Exception {
        private final long size;

        TooLargeException(long size) {
            super(size + " bytes");
            this.size = size;
        }

        long size() {
            return size;
        }
    }
}
