package io.github.pinpointevents.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A report as the differential proof keeps it: each line normalised (the machine's paths replaced by
 * placeholders; a normaliser returning null leaves the line out), then the SHA-256 of the whole text, its line count, and a short digest of each block of
 * {@value #BLOCK} lines so that a difference can be placed without keeping the report. Holds one block at a time.
 * Given the baseline's block digests, it keeps the first block that differs from them, to show.
 */
final class ReportDigest extends Writer {

    static final int BLOCK = 500;

    private final UnaryOperator<String> normalise;
    private final List<String> expectedBlocks;
    private final MessageDigest whole = sha256();
    private final StringBuilder line = new StringBuilder();
    private final List<String> block = new ArrayList<>();
    private final List<String> blocks = new ArrayList<>();
    private long lines;
    private List<String> firstDifferingBlock;
    private int firstDifferingBlockIndex = -1;

    ReportDigest(UnaryOperator<String> normalise, List<String> expectedBlocks) {
        this.normalise = normalise;
        this.expectedBlocks = expectedBlocks;
    }

    @Override
    public void write(char[] chars, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (chars[i] == '\n') {
                endLine(true);
            } else {
                line.append(chars[i]);
            }
        }
    }

    private void endLine(boolean newline) {
        String kept = normalise.apply(line.toString());
        line.setLength(0);
        if (kept == null) {
            return; // a line the normaliser leaves out
        }
        String normalised = kept + (newline ? "\n" : "");
        whole.update(normalised.getBytes(StandardCharsets.UTF_8));
        block.add(normalised);
        lines++;
        if (block.size() == BLOCK) {
            endBlock();
        }
    }

    private void endBlock() {
        MessageDigest digest = sha256();
        block.forEach(l -> digest.update(l.getBytes(StandardCharsets.UTF_8)));
        String hex = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        int index = blocks.size();
        blocks.add(hex);
        if (firstDifferingBlock == null && expectedBlocks != null
                && (index >= expectedBlocks.size() || !expectedBlocks.get(index).equals(hex))) {
            firstDifferingBlock = List.copyOf(block);
            firstDifferingBlockIndex = index;
        }
        block.clear();
    }

    @Override
    public void flush() {
    }

    /** Ends the text (a last line without a newline counts as a line) and returns what was kept. */
    @Override
    public void close() {
        if (!line.isEmpty()) {
            endLine(false);
        }
        if (!block.isEmpty()) {
            endBlock();
        }
        if (firstDifferingBlock == null && expectedBlocks != null && expectedBlocks.size() > blocks.size()) {
            firstDifferingBlock = List.of();
            firstDifferingBlockIndex = blocks.size();
        }
    }

    String sha256Hex() {
        return HexFormat.of().formatHex(whole.digest());
    }

    long lines() {
        return lines;
    }

    List<String> blocks() {
        return blocks;
    }

    /** Where the text first departs from the expected blocks: lines and the current text there; null if nowhere. */
    String firstDifference() {
        if (firstDifferingBlock == null) {
            return null;
        }
        long from = (long) firstDifferingBlockIndex * BLOCK + 1;
        StringBuilder b = new StringBuilder("first differing block: lines " + from + "-"
                + (from + BLOCK - 1) + "; this run has there:\n");
        firstDifferingBlock.stream().limit(12).forEach(l -> b.append("  | ").append(l.stripTrailing()).append('\n'));
        if (firstDifferingBlock.isEmpty()) {
            b.append("  (nothing: the report is shorter)\n");
        }
        return b.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
