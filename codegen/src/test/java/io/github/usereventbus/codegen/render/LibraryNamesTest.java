package io.github.usereventbus.codegen.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LibraryNamesTest {

    @Test
    void listsEveryPackageOnceFromItsJarDirectoryOrRuntimeImage() {
        assertThat(LibraryNames.listed()).isTrue();
        // one name from each kind of location: the runtime image, a jar, this build's classes or its jar
        assertThat(LibraryNames.contains("List")).isTrue();
        assertThat(LibraryNames.contains("Instant")).isTrue();
        assertThat(LibraryNames.contains("Generated")).isTrue();
        assertThat(LibraryNames.contains("JsonNode")).isTrue();
        assertThat(LibraryNames.contains("JsonValue")).isTrue();
        assertThat(LibraryNames.contains("JsonDeserialize")).isTrue();
        assertThat(LibraryNames.contains("EventPattern")).isTrue();
        assertThat(LibraryNames.contains("BusEvent")).isTrue();
    }

    @Test
    void namesOutsideThosePackagesAndNestedClassesAreNotLibraryNames() {
        assertThat(LibraryNames.contains("UserAccountCreated")).isFalse();
        assertThat(LibraryNames.contains("Path")).isFalse(); // java.nio.file is not imported from
        assertThat(LibraryNames.contains("Entry")).isFalse(); // Map.Entry is nested: Map$Entry.class
    }
}
