package io.github.pinpointevents.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/junit.md shows only code these tests run: each of its Java blocks is a test source's text, word for word. */
class DocsExamplesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyJavaBlockOfTheDocIsATestSource() throws IOException {
        Path root = Path.of(System.getProperty("pinpoint.repo.root", ".."));
        String doc = Files.readString(root.resolve("docs/junit.md"));
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("junit/src/test/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(Files.readString(file));
            }
        }

        Matcher block = JAVA_BLOCK.matcher(doc);
        int blocks = 0;
        while (block.find()) {
            blocks++;
            String code = block.group(1);
            assertTrue(sources.stream().anyMatch(source -> source.contains(code)),
                    "docs/junit.md shows code no test runs:\n" + code);
        }
        assertEquals(3, blocks, "the doc's examples: annotation, static field, JUnit 4 rule");
    }
}
