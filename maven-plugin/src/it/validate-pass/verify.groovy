def log = new File(basedir, 'build.log').text
assert log.contains('3 requests in 2 files: 3 passed, 0 failed, 0 warnings')
assert log.contains('BUILD SUCCESS')
['pinpoint-events.json', 'pinpoint-events.sarif', 'TEST-pinpoint-events.xml'].each {
    assert new File(basedir, "target/pinpoint-events/$it").isFile()
}
true
