// Events per second that json-schema-faker generates from our own schema, the peer of our generator in
// bench/generator-vs-jsf.sh. Each document is an EventsRequest body; its events are counted, and each document is
// serialised with JSON.stringify (our generator's figure includes writing JSON too).
//
// json-schema-faker fills a map (additionalProperties) with only minProperties entries, and our schema sets none
// on Events, so out of the box it writes no event at all. The copy of the schema used here sets
// Events.minProperties to EVENTS_PER_ENDPOINT (default 10, about the events per request of our generator's default
// mix); every optional member is filled (alwaysFakeOptionals), as our generator's payloads are full.
//
// Usage: node bench.mjs [SECONDS] [WARMUP_SECONDS]     (defaults 10 and 3)
// Prints one JSON line: {"tool":"json-schema-faker",...,"eventsPerSecond":N}
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { createGeneratorSync } from "json-schema-faker";

const here = dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(join(here, "..", "..", "schemas", "events-request.schema.json"), "utf8"));
const seconds = Number(process.argv[2] ?? 10);
const warmup = Number(process.argv[3] ?? 3);
const eventsPerEndpoint = Number(process.env.EVENTS_PER_ENDPOINT ?? 10);
schema.$defs.EventsBatch.properties.Events.minProperties = eventsPerEndpoint;

// Seeded; depth enough to reach Session inside Event.
const generator = createGeneratorSync({ seed: 42, optionalsProbability: 1, alwaysFakeOptionals: true, maxDepth: 10 });

function countEvents(doc) {
  let n = 0;
  for (const item of Object.values(doc?.BatchItem ?? {})) {
    n += Object.keys(item?.Events ?? {}).length;
  }
  return n;
}

function run(limitMs) {
  const start = process.hrtime.bigint();
  let docs = 0, events = 0, bytes = 0;
  for (;;) {
    const doc = generator.generate(schema);
    events += countEvents(doc);
    bytes += JSON.stringify(doc).length;
    docs++;
    if ((docs & 7) === 0 && Number(process.hrtime.bigint() - start) / 1e6 >= limitMs) {
      break;
    }
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  return { docs, events, bytes, elapsed };
}

run(warmup * 1000);
const r = run(seconds * 1000);
console.log(JSON.stringify({
  tool: "json-schema-faker",
  version: JSON.parse(readFileSync(join(here, "node_modules", "json-schema-faker", "package.json"), "utf8")).version,
  node: process.version,
  seconds: Number(r.elapsed.toFixed(2)),
  documents: r.docs,
  events: r.events,
  eventsPerDocument: Number((r.events / r.docs).toFixed(2)),
  options: "Events.minProperties=" + eventsPerEndpoint + ", alwaysFakeOptionals, maxDepth 10",
  eventsPerSecond: Math.round(r.events / r.elapsed),
  documentsPerSecond: Math.round(r.docs / r.elapsed),
  megabytesPerSecond: Number((r.bytes / r.elapsed / 1e6).toFixed(2)),
}));
