package io.github.pinpointevents.bench;

import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.result.Decision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The largest findings bombs we know how to build under the service's 4,000,000-byte limit, each decided
 * {@code RUNS} times in this JVM (run it with {@code -Xmx64m}, the pipeline issue's heap target, which it then
 * shows it keeps to by finishing): the time of the first decision (cold) and the median of the others, and the
 * findings listed and counted. Run by {@code bench/findings-bomb.sh}, which also times a whole {@code validate} process on the
 * written files.
 *
 * <pre>java -Xmx64m -cp bench/target/benchmarks.jar io.github.pinpointevents.bench.FindingsBomb [RUNS] [DIR]</pre>
 *
 * <ul>
 *   <li>{@code type-mismatch}: one endpoint whose {@code UserAttributes.a} holds numbers where strings belong,
 *       as many as fit ({@code [1,1,...]}, two bytes each): a schema finding per number;</li>
 *   <li>{@code empty-events}: one endpoint with as many events {@code "N":{}} as fit: more than 100 events;</li>
 *   <li>{@code empty-objects}: as {@code type-mismatch} with {@code {}} for each number. The last two hold more
 *       objects than a tree is built for (TooManyContainersRule) and are decided from the token stream.</li>
 *   <li>{@code most-endpoints}: as many empty endpoints {@code "N":{"Endpoint":{},"Events":{}}} as fit, about
 *       360,000 objects, just under that bound: accepted, and the largest tree a body can make. Before the
 *       core's trees held their members in arrays (MemberMap) it needed more than 64 MB.</li>
 * </ul>
 * Prints one JSON line per bomb; with DIR, also writes each bomb to DIR/NAME.json.
 */
public final class FindingsBomb {

    static final int LIMIT = 4_000_000;

    private FindingsBomb() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = args.length > 1 ? Path.of(args[1]) : null;
        PutEventsValidator validator = PutEventsValidator.create(ValidatorConfig.defaults());
        for (String name : new String[] {"type-mismatch", "empty-events", "empty-objects", "most-endpoints"}) {
            byte[] body = switch (name) {
                case "type-mismatch" -> misplaced("1");
                case "empty-events" -> emptyEvents();
                case "most-endpoints" -> mostEndpoints();
                default -> misplaced("{}");
            };
            if (dir != null) {
                Files.createDirectories(dir);
                Files.write(dir.resolve(name + ".json"), body);
            }
            double[] millis = new double[runs];
            Decision decision = null;
            for (int i = 0; i < runs; i++) {
                decision = null; // the last run's answer is not held while the next is decided
                long start = System.nanoTime();
                decision = validator.decide(body);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            double[] warm = Arrays.copyOfRange(millis, 1, runs);
            Arrays.sort(warm);
            System.out.println(String.format(Locale.ROOT, "{\"bomb\":\"%s\",\"bytes\":%d,\"runs\":%d,"
                    + "\"firstMs\":%.1f,\"warmMedianMs\":%.1f,\"maxHeapMegabytes\":%.1f,"
                    + "\"listedErrors\":%d,\"unlisted\":%d,\"status\":%d}", name, body.length, runs, millis[0],
                    warm.length == 0 ? millis[0] : warm[warm.length / 2], Runtime.getRuntime().maxMemory() / 1e6, decision.errors().size(), decision.unlisted(),
                    decision.error() != null ? decision.error().httpStatus() : 202));
        }
    }

    /** As many {@code value}s as fit where the strings of a user attribute belong. */
    private static byte[] misplaced(String value) {
        String head = "{\"BatchItem\":{\"ep\":{\"Endpoint\":{\"User\":{\"UserAttributes\":{\"a\":[";
        String tail = "]}}},\"Events\":{}}}}";
        int count = (LIMIT - head.length() - tail.length() + 1) / (value.length() + 1);
        StringBuilder b = new StringBuilder(LIMIT).append(head);
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ",").append(value);
        }
        return b.append(tail).toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] mostEndpoints() {
        return asManyAsFit("{\"BatchItem\":{",
                i -> "\"" + Integer.toString(i, 36) + "\":{\"Endpoint\":{},\"Events\":{}}", "}}");
    }

    private static byte[] emptyEvents() {
        return asManyAsFit("{\"BatchItem\":{\"ep\":{\"Endpoint\":{},\"Events\":{", i -> "\"" + Integer.toString(i, 36) + "\":{}",
                "}}}}");
    }

    /** head, then as many comma-separated members as fit under the limit, then tail. */
    private static byte[] asManyAsFit(String head, java.util.function.IntFunction<String> member, String tail) {
        StringBuilder b = new StringBuilder(LIMIT).append(head);
        for (int i = 0; ; i++) {
            String next = (i == 0 ? "" : ",") + member.apply(i);
            if (b.length() + next.length() + tail.length() > LIMIT) {
                break;
            }
            b.append(next);
        }
        return b.append(tail).toString().getBytes(StandardCharsets.US_ASCII);
    }
}
