package io.github.pinpointevents.cli;

import java.io.OutputStream;
import java.io.PrintWriter;

/** Bytes to a command's writer; the output is ASCII, so each byte is one character. */
final class AsciiOutput extends OutputStream {
    private final PrintWriter out;

    AsciiOutput(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void write(int b) {
        out.write((char) (b & 0xFF));
    }

    @Override
    public void write(byte[] b, int off, int len) {
        char[] chars = new char[len];
        for (int i = 0; i < len; i++) {
            chars[i] = (char) (b[off + i] & 0xFF);
        }
        out.write(chars, 0, len);
    }

    @Override
    public void flush() {
        out.flush();
    }
}
