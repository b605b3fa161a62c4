#!/usr/bin/env node
// Judges documents against the repository's JSON Schemas with ajv, an implementation independent of the
// networknt validator that the Java core uses. SchemaPortabilityTest compares the two verdicts.
//
//   node tools/ajv/verdicts.mjs FILE...          judge the files named
//   node tools/ajv/verdicts.mjs < list.txt       judge the files listed on standard input, one path a line
//   node tools/ajv/verdicts.mjs --compile-only   load and compile the schemas, print nothing, exit 0 if clean
//
// All three schemas in ../../schemas are loaded with Ajv2020 (draft 2020-12) in strict mode, with ajv-formats
// in full mode, so "format": "date-time" is asserted, and with allErrors, so every error is reported (the
// loading lives in schemas.mjs, shared with throughput.mjs). Strict mode must compile them without a
// complaint: any error or warning ends the run with exit code 2.
//
// One JSON line is printed per document:
//   {"file": PATH, "line": N, "kind": "cli-input"|"body"|null, "valid": true|false|null, "errors": [...]}
// - a CLI input document (a top-level object with an EventsRequest member) is judged on its EventsRequest
//   member against events-request.schema.json; "cliInputValid" then also tells whether the whole document
//   satisfies cli-input.schema.json;
// - any other document (a bare body) is judged whole against events-request.schema.json;
// - a .ndjson or .jsonl file gives one line per non-blank line, "line" being its 1-based line number;
//   any other file is one document with "line": 1;
// - a document that is not parseable JSON (or a file that cannot be read) gets "valid": null and "kind": null.
// Files whose name ends in .expected.json are skipped and print nothing.
//
// Exit codes: 0 when every document was judged (whatever the verdicts), 2 when the schemas do not load or
// compile cleanly in strict mode, 64 on a usage error.

import { readFileSync } from "node:fs";
import { CLI_INPUT, EVENTS_REQUEST, loadSchemas } from "./schemas.mjs";

function fail(code, message) {
  process.stderr.write(`verdicts.mjs: ${message}\n`);
  process.exit(code);
}

function simplify(errors) {
  return (errors ?? []).map((e) => ({
    instancePath: e.instancePath,
    schemaPath: e.schemaPath,
    keyword: e.keyword,
    params: e.params,
    message: e.message,
  }));
}

function isCliInput(doc) {
  return doc !== null && typeof doc === "object" && !Array.isArray(doc)
    && Object.prototype.hasOwnProperty.call(doc, "EventsRequest");
}

function judge(validators, file, line, text) {
  let doc;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { file, line, kind: null, valid: null, errors: [{ message: "not parseable JSON: " + e.message }] };
  }
  const eventsRequest = validators[EVENTS_REQUEST];
  if (isCliInput(doc)) {
    const valid = eventsRequest(doc.EventsRequest);
    const errors = simplify(eventsRequest.errors);
    const cliInputValid = validators[CLI_INPUT](doc);
    return { file, line, kind: "cli-input", valid, errors, cliInputValid };
  }
  const valid = eventsRequest(doc);
  return { file, line, kind: "body", valid, errors: simplify(eventsRequest.errors) };
}

function judgeFile(validators, file, out) {
  if (file.endsWith(".expected.json")) {
    return;
  }
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    out({ file, line: 1, kind: null, valid: null, errors: [{ message: "cannot read the file: " + e.message }] });
    return;
  }
  if (/\.(ndjson|jsonl)$/i.test(file)) {
    const lines = text.split(/\r?\n/);
    lines.forEach((content, index) => {
      if (content.trim() !== "") {
        out(judge(validators, file, index + 1, content));
      }
    });
  } else {
    out(judge(validators, file, 1, text));
  }
}

function main() {
  const args = process.argv.slice(2);
  const compileOnly = args.includes("--compile-only");
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--compile-only");
  if (unknown.length > 0) {
    fail(64, `unknown option ${unknown[0]}`);
  }
  const { validators } = loadSchemas({ allErrors: true, fail });
  if (compileOnly) {
    return;
  }
  let files = args.filter((a) => !a.startsWith("--"));
  if (files.length === 0) {
    files = readFileSync(0, "utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
  }
  const chunks = [];
  const out = (verdict) => chunks.push(JSON.stringify(verdict) + "\n");
  for (const file of files) {
    judgeFile(validators, file, out);
  }
  process.stdout.write(chunks.join(""));
}

main();
