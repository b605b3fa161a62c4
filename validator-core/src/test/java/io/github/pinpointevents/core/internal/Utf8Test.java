package io.github.pinpointevents.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Utf8}: byte order marks, UTF-16/32 sniffing, and RFC 3629's well-formed byte sequences. */
class Utf8Test {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            7b7d                 |                                                                                   |
            7bc3a97d             |                                                                                   |
            7be282ac7d           |                                                                                   |
            7bf09f98807d         |                                                                                   |
            7bf48fbfbf7d         |                                                                                   |
            efbbbf7b7d           | a UTF-8 byte order mark (EF BB BF) starts the body                                |0
            feff007b             | a UTF-16BE byte order mark starts the body                                        |0
            fffe7b00             | a UTF-16LE byte order mark starts the body                                        |0
            0000feff0000007b     | a UTF-32BE byte order mark starts the body                                        |0
            fffe00007b000000     | a UTF-32LE byte order mark starts the body                                        |0
            007b0022             | the body is UTF-16BE (NUL bytes among the first four)                             |0
            7b002200             | the body is UTF-16LE (NUL bytes among the first four)                             |0
            0000007b             | the body is UTF-32BE (NUL bytes among the first four)                             |0
            7b000000             | the body is UTF-32LE (NUL bytes among the first four)                             |0
            7bff7d               | invalid UTF-8 byte sequence starting with byte 0xFF at byte offset 1              |1
            7bc0af7d             | invalid UTF-8 byte sequence starting with byte 0xC0 at byte offset 1              |1
            7be080af7d           | invalid UTF-8 byte sequence starting with byte 0xE0 at byte offset 1              |1
            7beda0807d           | invalid UTF-8 byte sequence starting with byte 0xED at byte offset 1              |1
            7bf08f80807d         | invalid UTF-8 byte sequence starting with byte 0xF0 at byte offset 1              |1
            7bf49080807d         | invalid UTF-8 byte sequence starting with byte 0xF4 at byte offset 1              |1
            7bf5808080           | invalid UTF-8 byte sequence starting with byte 0xF5 at byte offset 1              |1
            7b80                 | invalid UTF-8 byte sequence starting with byte 0x80 at byte offset 1              |1
            7bc3                 | truncated UTF-8 sequence starting with byte 0xC3 at the end of the body           |1
            7be282               | truncated UTF-8 sequence starting with byte 0xE2 at the end of the body           |1
            """)
    void decidesEachEncoding(String hex, String detail, Integer offset) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        Utf8.Problem problem = Utf8.check(bytes, 0, bytes.length);
        if (detail == null) {
            assertNull(problem);
        } else {
            assertEquals(new Utf8.Problem(detail, offset), problem);
        }
    }

    @Test
    void anEmptyBodyIsUtf8AndOnlyTheCheckedRangeCounts() {
        assertNull(Utf8.check(new byte[0], 0, 0));
        byte[] bytes = HexFormat.of().parseHex("ff7b7dff");
        assertNull(Utf8.check(bytes, 1, 2));
        assertEquals(new Utf8.Problem("invalid UTF-8 byte sequence starting with byte 0xFF at byte offset 2", 2),
                Utf8.check(bytes, 1, 3));
    }

    /** The JDK's strict decoder is the reference: both agree on 200,000 random short byte strings. */
    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        Random random = new Random(7);
        for (int n = 0; n < 200_000; n++) {
            byte[] bytes = new byte[4 + random.nextInt(8)];
            random.nextBytes(bytes);
            bytes[0] = '{'; // no BOM, no NUL at the start: only the sequence check differs
            for (int i = 1; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    bytes[i] = ' ';
                }
            }
            boolean jdk = decodes(bytes);
            assertEquals(jdk, Utf8.check(bytes, 0, bytes.length) == null, () -> HexFormat.of().formatHex(bytes));
        }
    }

    private static boolean decodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
