#!/usr/bin/env node
// Documents per second that ajv judges against our schema: the npm peer of our full decision on the same
// documents. Schema verdict only: ajv answers "does the body satisfy events-request.schema.json", nothing of
// the code rules, warnings or error messages our decision adds.
//
//   node tools/ajv/throughput.mjs DIR [SECONDS] [WARMUP_SECONDS]      (defaults 10 and 5)
//   e.g. node tools/ajv/throughput.mjs bench/target/corpus/valid 10 5   (the corpus is made by bench/corpus.sh)
//
// The schemas are loaded as verdicts.mjs loads them (schemas.mjs: Ajv2020, draft 2020-12, strict mode,
// ajv-formats in full mode, all three schemas added so their $refs resolve), except with allErrors off: ajv
// stops at the first error, its fastest setting that still gives an honest verdict. events-request.schema.json
// is compiled once, before any timing.
//
// Every *.json file of DIR but *.expected.json (so index.csv and the expected answers are skipped) is read into
// memory as a Buffer, in name order. One untimed pass counts the valid and invalid documents; then for
// WARMUP_SECONDS, and then for SECONDS, the documents are judged in turn, round and round: each is decoded as
// UTF-8, JSON.parse'd (a document that does not parse counts as invalid) and validated. The timed run's verdicts
// are checked against the first pass's, so none can be optimised away. The time is process.hrtime.bigint.
//
// Prints one JSON line:
//   {"tool":"ajv","ajv":VERSION,"node":VERSION,"documents":N,"bytes":BYTES_OF_THE_N,"seconds":S,
//    "judged":DOCUMENTS_JUDGED_IN_S,"documentsPerSecond":..,"megabytesPerSecond":..,"valid":..,"invalid":..}
// "valid" and "invalid" are counts over one pass of the N documents; megabytes are 10^6 bytes of JSON text.
//
// Exit codes: 0 on success, 1 when a verdict changed between passes, 2 when the schemas do not load or compile
// cleanly in strict mode, 64 on a usage error (no DIR, a bad number, no document in DIR).

import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { EVENTS_REQUEST, loadSchemas } from "./schemas.mjs";

const here = dirname(fileURLToPath(import.meta.url));

function fail(code, message) {
  process.stderr.write(`throughput.mjs: ${message}\n`);
  process.exit(code);
}

function seconds(arg, fallback, name) {
  const value = arg === undefined ? fallback : Number(arg);
  if (!Number.isFinite(value) || value < 0) {
    fail(64, `${name} must be a number of seconds, not ${JSON.stringify(arg)}`);
  }
  return value;
}

const [dir, secondsArg, warmupArg, ...rest] = process.argv.slice(2);
if (dir === undefined || rest.length > 0) {
  fail(64, "usage: node tools/ajv/throughput.mjs DIR [SECONDS] [WARMUP_SECONDS]");
}
const measureSeconds = seconds(secondsArg, 10, "SECONDS");
const warmupSeconds = seconds(warmupArg, 5, "WARMUP_SECONDS");

const { validators } = loadSchemas({ allErrors: false, fail });
const validate = validators[EVENTS_REQUEST];

let names;
try {
  names = readdirSync(dir).filter((n) => n.endsWith(".json") && !n.endsWith(".expected.json")).sort();
} catch (e) {
  fail(64, `cannot list ${dir}: ${e.message}`);
}
if (names.length === 0) {
  fail(64, `no *.json document in ${dir}`);
}
const docs = names.map((n) => readFileSync(join(dir, n)));
const totalBytes = docs.reduce((sum, b) => sum + b.length, 0);

function judge(buffer) {
  let doc;
  try {
    const text = buffer.toString("utf8");
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return false;
  }
  return validate(doc);
}

// One pass: each document's verdict, and validBefore[i] = valid documents among the first i.
const verdicts = docs.map(judge);
const validBefore = [0];
for (const v of verdicts) {
  validBefore.push(validBefore[validBefore.length - 1] + (v ? 1 : 0));
}
const validPerPass = validBefore[docs.length];

// Judges round and round for limitSeconds; returns how many documents and bytes, and the valid verdicts seen.
function run(limitSeconds) {
  const limit = BigInt(Math.round(limitSeconds * 1e9));
  const start = process.hrtime.bigint();
  let judged = 0, bytes = 0, valid = 0, i = 0, now = start;
  do {
    const buffer = docs[i];
    if (judge(buffer)) {
      valid++;
    }
    bytes += buffer.length;
    judged++;
    i = i + 1 === docs.length ? 0 : i + 1;
    now = process.hrtime.bigint();
  } while (now - start < limit);
  const expected = Math.floor(judged / docs.length) * validPerPass + validBefore[judged % docs.length];
  if (valid !== expected) {
    fail(1, `${valid} valid verdicts in ${judged} documents, expected ${expected}: a verdict changed between passes`);
  }
  return { judged, bytes, elapsed: Number(now - start) / 1e9 };
}

run(warmupSeconds);
const r = run(measureSeconds);
console.log(JSON.stringify({
  tool: "ajv",
  ajv: JSON.parse(readFileSync(join(here, "node_modules", "ajv", "package.json"), "utf8")).version,
  node: process.version,
  documents: docs.length,
  bytes: totalBytes,
  seconds: Number(r.elapsed.toFixed(2)),
  judged: r.judged,
  documentsPerSecond: Math.round(r.judged / r.elapsed),
  megabytesPerSecond: Number((r.bytes / r.elapsed / 1e6).toFixed(2)),
  valid: validPerPass,
  invalid: docs.length - validPerPass,
}));
