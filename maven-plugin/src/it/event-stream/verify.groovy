def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'target/generated-test-resources/pinpoint-events')
def records = new File(dir, 'records.ndjson')
assert records.isFile()
// One file: records carry only accepted events, so no expected answers or index beside them.
assert dir.list().findAll { !it.startsWith('.') } == ['records.ndjson']
def lines = records.readLines()
assert lines.size() > 25 : lines.size()
assert lines.every { it.startsWith('{"event_type":') && it.contains('"arrival_timestamp":') }
assert log.contains("Generated 25 requests (")
assert log.contains("Generated requests in ${dir} are up to date.")
// Each record is checked as one item, in both builds.
assert log.count("${lines.size()} requests in 1 file: ${lines.size()} passed, 0 failed") == 2
assert new File(basedir, 'target/pinpoint-events/TEST-pinpoint-events.xml').text.contains('records.ndjson')
assert log.contains('BUILD SUCCESS')
true
