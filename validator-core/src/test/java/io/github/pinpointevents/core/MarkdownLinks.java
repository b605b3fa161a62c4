package io.github.pinpointevents.core;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the links of Markdown pages without the network: a relative link or image must name a file or
 * directory inside the repository, a {@code #anchor} must be a heading of the page it points into (slugged as
 * GitHub does, https://github.com/Flet/github-slugger), an http(s) link must at least be a well-formed URI, and no
 * link may point at this repository's own files through github.com (those break on forks and branches).
 */
final class MarkdownLinks {

    /** {@code [text](target)} and {@code ![alt](target)}; the target ends at a space (a title follows) or ')'. */
    private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\]\\\\]|\\\\.)*]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern OWN_REPOSITORY = Pattern.compile(
            "^https?://(?:www\\.)?(?:github\\.com/[^/]+/pinpoint-events(?:/|$)|raw\\.githubusercontent\\.com/[^/]+/pinpoint-events/)",
            Pattern.CASE_INSENSITIVE);

    private final Path root;
    private final Map<Path, Set<String>> anchors = new HashMap<>();

    MarkdownLinks(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Every broken link of one page, each as {@code page:line: target: why}; empty when all resolve. */
    List<String> problems(Path page) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(page);
        boolean fence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("```")) {
                fence = !fence;
                continue;
            }
            if (fence) {
                continue;
            }
            Matcher m = LINK.matcher(withoutCodeSpans(line));
            while (m.find()) {
                String why = check(page, m.group(1));
                if (why != null) {
                    out.add(root.relativize(page.toAbsolutePath().normalize()) + ":" + (i + 1) + ": " + m.group(1)
                            + ": " + why);
                }
            }
        }
        return out;
    }

    private String check(Path page, String target) throws IOException {
        if (target.isEmpty()) {
            return "empty link";
        }
        if (target.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
            return checkAbsolute(target);
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? page.toAbsolutePath().normalize()
                : (file.startsWith("/") ? root.resolve(file.substring(1))
                        : page.toAbsolutePath().getParent().resolve(decode(file))).normalize();
        if (!resolved.startsWith(root)) {
            return "points outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null && resolved.toString().endsWith(".md") && !anchorsOf(resolved).contains(decode(anchor))) {
            return "no heading with the anchor #" + anchor + " in " + root.relativize(resolved);
        }
        return null;
    }

    private static String checkAbsolute(String target) {
        if (OWN_REPOSITORY.matcher(target).find()) {
            return "an absolute link to this repository's own files: use a relative path";
        }
        String scheme = target.substring(0, target.indexOf(':')).toLowerCase(Locale.ROOT);
        if (scheme.equals("mailto")) {
            return null;
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "an unexpected scheme " + scheme;
        }
        try {
            URI uri = new URI(target);
            return uri.getHost() == null || uri.getHost().isEmpty() ? "a URL without a host" : null;
        } catch (URISyntaxException e) {
            return "not a URL: " + e.getReason();
        }
    }

    /** The anchors GitHub gives a page's headings (duplicates numbered -1, -2, ...). */
    Set<String> anchorsOf(Path page) throws IOException {
        Path key = page.toAbsolutePath().normalize();
        Set<String> known = anchors.get(key);
        if (known != null) {
            return known;
        }
        Set<String> out = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fence = false;
        for (String line : Files.readAllLines(key)) {
            if (line.stripLeading().startsWith("```")) {
                fence = !fence;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (!fence && m.matches()) {
                String slug = slug(m.group(2));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                out.add(n == 0 ? slug : slug + "-" + n);
            }
        }
        anchors.put(key, out);
        return out;
    }

    /** GitHub's slug of a heading: its rendered text in lower case, punctuation dropped, each space a hyphen. */
    static String slug(String heading) {
        String text = heading.replaceAll("!\\[([^\\]]*)]\\([^)]*\\)", "")
                .replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("<[^>]+>", "")
                .replace("`", "")
                .replace("*", "");
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
    }

    /** The line with each inline code span blanked, so a link written as code is not taken for a link. */
    private static String withoutCodeSpans(String line) {
        return line.replaceAll("`[^`]*`", "``");
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
