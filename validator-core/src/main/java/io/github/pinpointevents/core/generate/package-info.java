/**
 * The request generator: realistic, deterministic PutEvents requests, optionally each breaking one rule with the
 * expected answer derived from the change.
 *
 * <pre>
 * GeneratorConfig ──► RequestGenerator ──► GeneratedRequest (EventsRequest, Expectation, rule id)
 *        │                 (request i depends only on the config and i)
 *        └──────────► GeneratorOutput.write(...) ──► ndjson | json-array | requests/ | cli-input/
 *                                                    (+ *.expected.*, index.csv)
 * </pre>
 *
 * <p>Vocabularies (cities, devices, apps, SDK versions, products, event types) are the tab-separated resource
 * files beside these classes.
 */
package io.github.pinpointevents.core.generate;
