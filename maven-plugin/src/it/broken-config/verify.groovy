def log = new File(basedir, 'build.log').text
assert log.contains("Unknown report format 'pdf': use json, sarif, junit or text")
// Broken configuration is a build error (MojoExecutionException), not a failed check.
assert log.contains('MojoExecutionException')
true
