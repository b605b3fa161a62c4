def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'target/generated-test-resources/pinpoint-events')
assert log.contains("Generated 30 requests (")
assert log.contains("Generated requests in ${dir} are up to date.")
// Invalid requests decide exactly as the expected answers generated beside them.
assert log.count('30 requests in 30 files: 30 passed, 0 failed') == 2
def expected = dir.listFiles().findAll { it.name.endsWith('.expected.json') }
assert expected.size() > 3
assert !new File(dir, 'request-000001.json').text.contains('"web"')
def strictLog = log.readLines().find { it.contains('40 requests in 40 files') }
assert strictLog != null && strictLog.contains('40 passed, 0 failed') : strictLog
assert log.contains('warn.locale-sdk-country')
true
