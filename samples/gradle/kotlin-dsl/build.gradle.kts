// Kotlin DSL; ../groovy-dsl/build.gradle is the same build in the Groovy DSL. The plugin's tests apply the
// pinpointEvents settings of both files to a ProjectBuilder project and check that they agree.
plugins {
    java
    id("io.github.pinpointevents")
}

pinpointEvents {
    // ./gradlew check validates src/test/resources; these are the defaults, spelled out.
    fixtureDirectory = layout.projectDirectory.dir("src/test/resources")
    reportFormats = listOf("json", "sarif", "junit")
    maxAllowedFailures = 0
    // generatePinpointEvents writes 20 requests, a quarter broken with their expected answers beside them,
    // into build/generated-test-resources/pinpoint-events, a test resource directory.
    count = 20L
    seed = 7L
    invalidRate = 0.25
    platforms = mapOf("android" to 3.0, "ios" to 1.0, "web" to 0.0)
}
