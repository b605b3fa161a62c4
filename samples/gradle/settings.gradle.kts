// A sample build for a user with Gradle 8.2 or later (none can be downloaded where this repository is built
// and tested, so it has not been run here). The plugin resolves from a Maven repository holding
// pinpoint-events-gradle-plugin and its marker io.github.pinpointevents:io.github.pinpointevents.gradle.plugin:
// mavenLocal() after `mvn install` in the repository root.
pluginManagement {
    repositories {
        mavenLocal()
        gradlePluginPortal()
    }
    plugins {
        id("io.github.pinpointevents") version "0.1.0-SNAPSHOT"
    }
}
rootProject.name = "pinpoint-events-gradle-sample"
// The same build twice: in the Kotlin DSL and in the Groovy DSL.
include("kotlin-dsl", "groovy-dsl")
