#!/usr/bin/env node
// The whole-process peer of `pinpoint-events validate FILE.ndjson`: reads an NDJSON file of AWS CLI input
// documents ({"ApplicationId": ..., "EventsRequest": ...}, as `generate --format ndjson` writes them) a line at a
// time, JSON.parse's each line and validates it with ajv against cli-input.schema.json (loaded as schemas.mjs
// loads it: Ajv2020, strict, ajv-formats in full mode; allErrors off, ajv's fastest honest verdict). Memory stays
// bounded by the longest line, as ours does. Used by bench/validate-vs-ajv.sh.
//
//   node tools/ajv/validate-ndjson.mjs FILE
//
// Prints one JSON line {"tool":"ajv","lines":N,"valid":N,"invalid":N,"seconds":S}; exit 0 when every line is
// valid, 1 otherwise, 2 when the schemas do not load, 64 on a usage error.

import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { CLI_INPUT, loadSchemas } from "./schemas.mjs";

function fail(code, message) {
  process.stderr.write(`validate-ndjson.mjs: ${message}\n`);
  process.exit(code);
}

const file = process.argv[2];
if (!file) {
  fail(64, "usage: node tools/ajv/validate-ndjson.mjs FILE");
}
const start = process.hrtime.bigint();
const { validators } = loadSchemas({ allErrors: false, fail });
const validate = validators[CLI_INPUT];
let lines = 0;
let valid = 0;
const input = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
for await (const line of input) {
  if (line.trim() === "") {
    continue;
  }
  lines++;
  let document;
  try {
    document = JSON.parse(line);
  } catch {
    continue;
  }
  if (validate(document)) {
    valid++;
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(JSON.stringify({ tool: "ajv", lines, valid, invalid: lines - valid, seconds }) + "\n");
process.exit(valid === lines ? 0 : 1);
