def log = new File(basedir, 'build.log').text
assert log.contains("Unknown report format 'pdf': use text, json, sarif, junit, html")
// Broken configuration is a build error (MojoExecutionException), not a failed check.
assert log.contains('MojoExecutionException')
true
