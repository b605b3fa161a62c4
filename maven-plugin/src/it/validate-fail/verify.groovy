def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'src/test/resources/fixtures/blank-type.json').toString()
// One line per failure: file:line:column, the endpoint and event ids, the rule id and the message.
assert log.contains("[ERROR] ${file}:7:11: error event.event-type-blank [ep-1/e-1] /BatchItem/ep-1/Events/e-1/EventType: Event type cannot be null, empty or blank (got \"\")")
assert log.contains("[ERROR] ${file}: FAIL 1 of 3 items refused")
assert log.contains('1 fixture request fails; reports in')
assert log.contains('BUILD FAILURE')
// A failed check is a failure (MojoFailureException), not an error in the build's configuration.
assert log.contains('MojoFailureException')
true
