def log = new File(basedir, 'build.log').text
assert log.contains('Skipping pinpoint-events:validate because pinpoint-events.skip is set.')
assert !new File(basedir, 'target/pinpoint-events').exists()
assert log.contains('BUILD SUCCESS')
true
