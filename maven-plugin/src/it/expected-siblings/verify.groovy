def log = new File(basedir, 'build.log').text
assert log.contains('3 requests in 2 files: 3 passed, 0 failed')
assert log.contains('BUILD SUCCESS')
true
