#!/usr/bin/env node
// Judges event-stream records (NDJSON, one record a line) against schemas/event-stream-record.schema.json with
// ajv, independently of the networknt validator the Java core uses; EventStreamSchemaTest compares the verdicts.
//
//   node tools/ajv/records.mjs FILE...
//
// Prints one JSON line per non-blank line: {"file": PATH, "line": N, "valid": true|false|null, "errors": [...]}
// ("valid": null when the line is not parseable JSON). Exit codes: 0 when every line was judged, 2 when the
// schemas do not load cleanly in strict mode (see schemas.mjs), 64 on a usage error.

import { readFileSync } from "node:fs";
import { ID_PREFIX, loadSchemas } from "./schemas.mjs";

function fail(code, message) {
  process.stderr.write(`records.mjs: ${message}\n`);
  process.exit(code);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  fail(64, "usage: records.mjs FILE...");
}
const { validators } = loadSchemas({ allErrors: true, fail });
const record = validators[ID_PREFIX + "event-stream-record.schema.json"];
if (!record) {
  fail(2, "event-stream-record.schema.json not found");
}
for (const file of files) {
  const lines = readFileSync(file, "utf8").split("\n");
  lines.forEach((text, i) => {
    if (text.trim() === "") {
      return;
    }
    let doc;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      process.stdout.write(JSON.stringify({ file, line: i + 1, valid: null, errors: [e.message] }) + "\n");
      return;
    }
    const valid = record(doc);
    const errors = (record.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    process.stdout.write(JSON.stringify({ file, line: i + 1, valid, errors: valid ? [] : errors }) + "\n");
  });
}
