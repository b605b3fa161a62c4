package io.github.pinpointevents.bench;

import io.github.pinpointevents.core.JsonCodec;
import io.github.pinpointevents.core.generate.GeneratedRequest;
import io.github.pinpointevents.core.generate.GeneratorConfig;
import io.github.pinpointevents.core.generate.RequestGenerator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A timed harness: events per second that {@link RequestGenerator} generates and writes as compact JSON (the
 * NDJSON line of an AWS CLI input document), with the default options. Run by {@code bench/generator-vs-jsf.sh}.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.github.pinpointevents.bench.GeneratorThroughput [SECONDS] [WARMUP] [THREADS]</pre>
 *
 * <p>Prints one JSON line. Each thread generates its own run of request indices, as the generator's own thread
 * pool does; requests are independent, so the figure scales with cores.
 */
public final class GeneratorThroughput {

    private GeneratorThroughput() {
    }

    public static void main(String[] args) throws InterruptedException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        double warmup = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        RequestGenerator generator = RequestGenerator.create(GeneratorConfig.builder().count(Long.MAX_VALUE)
                .threads(1).build());
        run(generator, warmup, threads);
        long[] r = run(generator, seconds, threads);
        double elapsed = r[3] / 1e9;
        System.out.println(String.format(Locale.ROOT, "{\"tool\":\"pinpoint-events generate\",\"java\":\"%s\","
                + "\"threads\":%d,\"seconds\":%.2f,\"documents\":%d,\"events\":%d,\"eventsPerDocument\":%.2f,"
                + "\"eventsPerSecond\":%d,\"documentsPerSecond\":%d,\"megabytesPerSecond\":%.2f}",
                System.getProperty("java.version"), threads, elapsed, r[0], r[1], (double) r[1] / r[0],
                Math.round(r[1] / elapsed), Math.round(r[0] / elapsed), r[2] / elapsed / 1e6));
    }

    /** Documents, events, bytes and nanoseconds of a run of about {@code seconds}. */
    private static long[] run(RequestGenerator generator, double seconds, int threads) throws InterruptedException {
        AtomicLong docs = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                long d = 0;
                long e = 0;
                long b = 0;
                while (System.nanoTime() < deadline) {
                    long first = next.getAndAdd(64);
                    for (long i = first; i < first + 64; i++) {
                        GeneratedRequest request = generator.generate(i);
                        b += JsonCodec.write(request.cliInput()).length;
                        e += request.eventCount();
                        d++;
                    }
                }
                docs.addAndGet(d);
                events.addAndGet(e);
                bytes.addAndGet(b);
            });
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        return new long[] {docs.get(), events.get(), bytes.get(), System.nanoTime() - start};
    }
}
