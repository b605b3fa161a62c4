package io.github.pinpointevents.core.generate;

import io.github.pinpointevents.core.generate.Mutations.Kind;
import io.github.pinpointevents.core.generate.Mutations.Outcome;
import io.github.pinpointevents.core.generate.RequestBuilder.Built;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.internal.PythonJson;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import net.datafaker.Faker;

/**
 * Generates realistic PutEvents requests, deterministically: request {@code i} depends only on the config and
 * {@code i} (its random choices are seeded from the seed and {@code i}), so the output is the same on every run,
 * with any number of threads, and shards concatenate to the whole. Thread-safe.
 *
 * <pre>
 * RequestGenerator generator = RequestGenerator.create(GeneratorConfig.builder().seed(7).count(1000).build());
 * try (Stream&lt;GeneratedRequest&gt; requests = generator.stream()) { ... }   // this shard, in order
 * </pre>
 */
public final class RequestGenerator {

    private static final int BLOCK = 32;

    private final GeneratorConfig config;
    private final List<Kind> mutations;
    private final ThreadLocal<Worker> workers;

    private RequestGenerator(GeneratorConfig config) {
        this.config = config;
        this.mutations = Mutations.enabled(config);
        if (config.invalidRate() > 0 && mutations.isEmpty()) {
            throw new IllegalArgumentException("no mutation is possible with format " + config.format().id()
                    + " and the rules chosen");
        }
        this.workers = ThreadLocal.withInitial(() -> new Worker(config));
    }

    public static RequestGenerator create(GeneratorConfig config) {
        return new RequestGenerator(config);
    }

    public GeneratorConfig config() {
        return config;
    }

    /** The rule ids that mutations can break in this configuration. */
    public List<String> mutableRules() {
        return mutations.stream().map(k -> k.ruleId).toList();
    }

    /** Request {@code index} of the whole run (any index, whatever the shard). */
    public GeneratedRequest generate(long index) {
        return workers.get().generate(index);
    }

    /**
     * This shard's requests in index order. With more than one thread, requests are generated ahead in bounded
     * blocks, so memory does not grow with the count. Close the stream to stop the threads early.
     */
    public Stream<GeneratedRequest> stream() {
        return stream(r -> r);
    }

    /**
     * This shard's requests in index order, each passed through {@code render} on the generating threads (so that,
     * for instance, serialising them is parallel too).
     */
    public <T> Stream<T> stream(java.util.function.Function<GeneratedRequest, T> render) {
        long from = config.firstIndex();
        long to = config.endIndex();
        if (config.threads() == 1) {
            Iterator<T> it = new Iterator<>() {
                long next = from;

                @Override
                public boolean hasNext() {
                    return next < to;
                }

                @Override
                public T next() {
                    if (next >= to) {
                        throw new NoSuchElementException();
                    }
                    return render.apply(generate(next++));
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false);
        }
        Parallel<T> parallel = new Parallel<>(from, to, render);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(parallel, Spliterator.ORDERED), false)
                .onClose(parallel::close);
    }

    /** Generates blocks of requests on a pool, at most a few blocks per thread ahead of the reader. */
    private final class Parallel<T> implements Iterator<T> {
        private final ExecutorService pool;
        private final Deque<Future<List<T>>> ahead = new ArrayDeque<>();
        private final long to;
        private final java.util.function.Function<GeneratedRequest, T> render;
        private long nextBlock;
        private Iterator<T> current = java.util.Collections.emptyIterator();

        Parallel(long from, long to, java.util.function.Function<GeneratedRequest, T> render) {
            this.to = to;
            this.render = render;
            this.nextBlock = from;
            this.pool = Executors.newFixedThreadPool(config.threads(), r -> {
                Thread t = new Thread(r, "pinpoint-events-generate");
                t.setDaemon(true);
                return t;
            });
            fill();
        }

        private void fill() {
            while (ahead.size() < config.threads() * 3 && nextBlock < to) {
                long start = nextBlock;
                long end = Math.min(to, start + BLOCK);
                nextBlock = end;
                ahead.add(pool.submit(() -> {
                    List<T> block = new ArrayList<>((int) (end - start));
                    for (long i = start; i < end; i++) {
                        block.add(render.apply(generate(i)));
                    }
                    return block;
                }));
            }
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (ahead.isEmpty()) {
                    close();
                    return false;
                }
                try {
                    current = ahead.poll().get().iterator();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    close();
                    throw new IllegalStateException("interrupted", e);
                } catch (ExecutionException e) {
                    close();
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
                fill();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        void close() {
            pool.shutdownNow();
        }
    }

    /** SplitMix64's finaliser: spreads (seed, index) pairs into unrelated seeds. */
    static long mix(long a, long b) {
        long z = a + 0x9E3779B97F4A7C15L * (b + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One thread's builder and Faker, reseeded for every request. */
    private final class Worker {
        private final Random random = new Random(0);
        private final Random mutationRandom = new Random(0);
        private final Faker faker = new Faker(Locale.ENGLISH, random);
        private final Draw draw = new Draw(random);
        private final Draw mutationDraw = new Draw(mutationRandom);
        private final RequestBuilder builder;

        Worker(GeneratorConfig config) {
            this.builder = new RequestBuilder(config, draw, faker);
        }

        GeneratedRequest generate(long index) {
            long seed = mix(config.seed(), index);
            random.setSeed(seed);
            // Mutations draw from their own stream, so a request's valid content does not depend on the rate.
            mutationRandom.setSeed(mix(seed, 0x6D75746174652EL));
            Kind kind = null;
            if (config.invalidRate() > 0 && mutationRandom.nextDouble() < config.invalidRate()) {
                kind = mutationDraw.weighted(mutations, k -> k.weight);
            }
            int[] shape = kind == null ? builder.shape(config.endpointsPerRequest(), config.eventsPerRequest())
                    : Mutations.shape(kind, config, builder, mutationDraw);
            Built built = builder.build(shape, null);
            int endpoints = built.endpoints().size();
            int events = built.eventCount();
            if (kind == null) {
                checkSize(built);
                return new GeneratedRequest(index, config.applicationId(), built.eventsRequest(), null, null,
                        Mutations.accepted(built.eventsRequest()), endpoints, events);
            }
            Outcome out = Mutations.apply(kind, built, mutationDraw, faker);
            return new GeneratedRequest(index, config.applicationId(), out.eventsRequest, out.rawBody, kind.ruleId,
                    out.expectation(), endpoints, events);
        }

        /** A valid request stays within 4,000,000 bytes, measured as the SDKs and as the AWS CLI write it. */
        private void checkSize(Built built) {
            int compact = Json.compactSize(built.eventsRequest());
            // botocore's json.dumps adds spaces and escapes non-ASCII text: up to six bytes a character.
            if (compact > GeneratorConfig.MAX_REQUEST_BYTES / 6
                    && (compact > GeneratorConfig.MAX_REQUEST_BYTES
                            || PythonJson.dumps(built.eventsRequest()).length > GeneratorConfig.MAX_REQUEST_BYTES)) {
                throw new IllegalStateException("a generated request exceeds " + GeneratorConfig.MAX_REQUEST_BYTES
                        + " bytes");
            }
        }
    }
}
