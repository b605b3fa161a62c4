def log = new File(basedir, 'build.log').text
assert log.count('5 requests in 5 files: 5 passed, 0 failed') == 2
assert new File(basedir, 'module-a/target/pinpoint-events/pinpoint-events.sarif').isFile()
assert new File(basedir, 'module-b/target/pinpoint-events/pinpoint-events.sarif').isFile()
assert !log.contains('is not thread-safe')
assert log.contains('BUILD SUCCESS')
true
