// A Gradle build that generates from the contract with the command line (the Exec task below); the tests run
// its command line, Gradle itself cannot be fetched where they run. The command line sits in tools/: the
// launcher user-event-bus and user-event-bus-cli-<version>-all.jar, from cli/target/.
plugins {
    java
}

// tag::exec[]
val generateEvents by tasks.registering(Exec::class) {
    inputs.dir("src/main/schemas")
    outputs.dirs("build/generated-sources/user-event-bus", "build/generated-resources/user-event-bus")
    commandLine("tools/user-event-bus", "generate", "--package-name", "com.example.accounts.events",
        "--output", "build/generated-sources/user-event-bus",
        "--resource-output", "build/generated-resources/user-event-bus",
        "--state-directory", "build/user-event-bus")
}
sourceSets.main {
    java.srcDir("build/generated-sources/user-event-bus")
    resources.srcDir("build/generated-resources/user-event-bus")
}
tasks.compileJava { dependsOn(generateEvents) }
tasks.processResources { dependsOn(generateEvents) }
// end::exec[]
