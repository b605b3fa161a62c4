// Loads the repository's JSON Schemas into ajv the one way the ajv tools here agree on, so that verdicts.mjs
// (the cross-check against networknt) and throughput.mjs (the speed comparison) judge with the same schemas:
// every *.schema.json in ../../schemas (or $PINPOINT_SCHEMA_DIR), with Ajv2020 (draft 2020-12) in strict mode
// and ajv-formats in full mode, so "format": "date-time" is asserted. All of them are added before any is
// compiled, so their $refs to one another resolve.
//
// loadSchemas({ allErrors, fail }) returns { ajv, validators }, validators being keyed by $id. It calls
// fail(2, message) (which must not return) when a schema is missing, has an unexpected $id, does not compile in
// strict mode, makes strict mode log a warning or error, or when date-time is not asserted.

import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const here = dirname(fileURLToPath(import.meta.url));
export const schemaDir = resolve(process.env.PINPOINT_SCHEMA_DIR ?? join(here, "..", "..", "schemas"));
export const ID_PREFIX = "https://pinpointevents.github.io/schemas/";
export const EVENTS_REQUEST = ID_PREFIX + "events-request.schema.json";
export const CLI_INPUT = ID_PREFIX + "cli-input.schema.json";
export const SCHEMA_FILES = ["events-request.schema.json", "cli-input.schema.json", "events-response.schema.json"];

export function loadSchemas({ allErrors, fail }) {
  // Strict mode throws on what it refuses; a few checks only log. Either counts as a complaint.
  const complaints = [];
  const logger = {
    log: () => {},
    warn: (...args) => complaints.push("warning: " + args.join(" ")),
    error: (...args) => complaints.push("error: " + args.join(" ")),
  };
  const ajv = new Ajv2020({ strict: true, allErrors, logger });
  addFormats(ajv, { mode: "full" });
  const present = readdirSync(schemaDir).filter((name) => name.endsWith(".schema.json")).sort();
  for (const name of SCHEMA_FILES) {
    if (!present.includes(name)) {
      fail(2, `schema ${name} not found in ${schemaDir}`);
    }
  }
  const validators = {};
  try {
    for (const name of present) {
      const schema = JSON.parse(readFileSync(join(schemaDir, name), "utf8"));
      if (schema.$id !== ID_PREFIX + name) {
        fail(2, `${name}: $id is ${JSON.stringify(schema.$id)}, expected ${ID_PREFIX + name}`);
      }
      ajv.addSchema(schema);
    }
    for (const name of present) {
      validators[ID_PREFIX + name] = ajv.getSchema(ID_PREFIX + name); // compiles, resolving $refs
    }
  } catch (e) {
    fail(2, `the schemas do not compile in strict mode: ${e.message}`);
  }
  if (complaints.length > 0) {
    fail(2, `strict mode complained about the schemas:\n  ${complaints.join("\n  ")}`);
  }
  // Guard against a silently ignored format: the date-time format must be asserted.
  const probe = ajv.compile({ type: "string", format: "date-time" });
  if (probe("2020-01-01") || !probe("2020-01-01T00:00:00Z")) {
    fail(2, "ajv-formats does not assert date-time");
  }
  return { ajv, validators };
}
