def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'src/test/resources/producer/records.ndjson').toString()
// Line 2 misnames event_type: the rule id and the JSON Pointer of each difference, as the CLI prints them.
assert log.contains("[ERROR] ${file}:2: error record.schema /eventType: Record does not match the event-stream record schema (property 'eventType' is not defined in the schema and the schema does not allow additional properties)")
assert log.contains("[ERROR] ${file}:2: error record.schema /event_type: Record does not match the event-stream record schema")
assert log.contains("2 requests in 1 file: 1 passed, 1 failed")
assert log.contains('1 fixture request fails; reports in')
assert log.contains('MojoFailureException')
true
