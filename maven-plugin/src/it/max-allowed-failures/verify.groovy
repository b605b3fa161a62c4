def log = new File(basedir, 'build.log').text
assert log.contains('2 requests in 2 files: 0 passed, 2 failed')
assert log.contains('BUILD SUCCESS')
true
