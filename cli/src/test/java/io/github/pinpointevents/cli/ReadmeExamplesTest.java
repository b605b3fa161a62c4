package io.github.pinpointevents.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README and docs/put-events.md show what the commands print: each {@code put-events} console example runs
 * here and must print what the page shows and exit as its {@code echo $?} says, and the README's exit-code table
 * must list the codes the commands document.
 */
class ReadmeExamplesTest {

    @Test
    void theExitCodeTableListsWhatEachCommandDocuments() throws Exception {
        String readme = Files.readString(Cli.repoRoot().resolve("README.md"));
        int start = readme.indexOf("\n## Exit codes\n");
        assertTrue(start >= 0, "README.md has an Exit codes section");
        Map<String, Set<Integer>> table = new TreeMap<>();
        for (String line : readme.substring(start).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            Set<Integer> codes = new TreeSet<>();
            for (int column = 0; column < 3; column++) {
                if (!cells[2 + column].isBlank()) {
                    codes.add(column);
                }
            }
            Matcher number = Pattern.compile("\\b(\\d{3})\\b").matcher(cells[5]);
            while (number.find()) {
                codes.add(Integer.parseInt(number.group(1)));
            }
            Matcher command = Pattern.compile("`([a-z-]+)`").matcher(cells[1]);
            while (command.find()) {
                table.put(command.group(1), codes);
            }
        }
        assertEquals(Set.of(0, 1, 2), table.get("validate"));
        assertEquals(CliArguments.documentedExitCodes(new String[] {"validate"}), table.get("validate"));
        assertEquals(CliArguments.documentedExitCodes(new String[] {"put-events"}), table.get("put-events"));
        assertEquals(CliArguments.documentedExitCodes(new String[] {"generate"}), table.get("generate"));
        assertEquals(CliArguments.documentedExitCodes(new String[] {"rules"}), table.get("rules"));
        assertEquals(Set.of(2, 130, 143), table.get("serve"));
        String serveHelp = Cli.run("serve", "--help").out();
        for (int code : table.get("serve")) {
            assertTrue(serveHelp.contains(" " + code + " "), "serve --help documents " + code + ":\n" + serveHelp);
        }
    }

    @Test
    void theSetUpCommandEndsAsTheReadmeSays() throws Exception {
        String readme = Files.readString(Cli.repoRoot().resolve("README.md"));
        Matcher said = Pattern.compile("It ends with `([^`]+)`").matcher(readme);
        assertTrue(said.find(), "README.md says how validate samples ends");
        Cli.Result run = Cli.run("validate", Cli.samples().toString());
        assertEquals(0, run.code(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals(said.group(1), lines.get(lines.size() - 1));
    }

    @Test
    void thePutEventsExamplesPrintWhatThePagesShow() throws Exception {
        int examples = 0;
        for (String page : List.of("README.md", "docs/put-events.md")) {
            for (List<String> block : consoleBlocks(Cli.repoRoot().resolve(page))) {
                examples += runPutEvents(page, block);
            }
        }
        assertTrue(examples >= 3, "the pages show put-events examples: " + examples);
    }

    /** Runs each {@code $ pinpoint-events put-events} command of a console block; returns how many it ran. */
    private static int runPutEvents(String page, List<String> block) {
        int ran = 0;
        Cli.Result last = null;
        for (int i = 0; i < block.size(); i++) {
            String line = block.get(i);
            if (!line.startsWith("$ ")) {
                continue;
            }
            StringBuilder command = new StringBuilder(line.substring(2));
            // a trailing backslash continues the line, and so does a single-quoted word left open
            while (command.toString().endsWith("\\") || command.chars().filter(c -> c == '\'').count() % 2 == 1) {
                if (command.toString().endsWith("\\")) {
                    command.setLength(command.length() - 1);
                }
                command.append('\n').append(block.get(++i));
            }
            StringBuilder shown = new StringBuilder();
            while (i + 1 < block.size() && !block.get(i + 1).startsWith("$ ")) {
                shown.append(block.get(++i)).append('\n');
            }
            List<String> words = words(command.toString());
            if (words.equals(List.of("echo", "$?"))) {
                assertTrue(last != null, page + ": echo $? after a command");
                assertEquals(shown.toString().trim(), String.valueOf(last.code()), page + ": " + last);
            } else if (words.size() > 1 && words.get(0).equals("pinpoint-events") && words.get(1).equals("put-events")) {
                last = Cli.run(words.subList(1, words.size()).toArray(String[]::new));
                assertEquals(shown.toString(), last.out() + last.err(), page + ": " + command);
                ran++;
            } else {
                last = null;
            }
        }
        return ran;
    }

    private static List<List<String>> consoleBlocks(Path page) throws Exception {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : Files.readAllLines(page)) {
            if (current == null && line.equals("```console")) {
                current = new ArrayList<>();
            } else if (current != null && line.equals("```")) {
                blocks.add(current);
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return blocks;
    }

    /** The words of a shell command line: blanks separate, single quotes keep text (newlines too) as one word. */
    private static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    out.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            out.add(word.toString());
        }
        return out;
    }
}
