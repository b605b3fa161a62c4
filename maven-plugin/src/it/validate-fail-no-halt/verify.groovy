def log = new File(basedir, 'build.log').text
assert log.contains('error event.event-type-blank [ep-1/e-1]')
assert log.contains('[WARNING] 1 fixture request fails; reports in')
assert log.contains('the build goes on because failOnError is false')
assert log.contains('BUILD SUCCESS')
true
