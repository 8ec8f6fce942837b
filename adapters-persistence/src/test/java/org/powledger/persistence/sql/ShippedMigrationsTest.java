package org.powledger.persistence.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The versions a store checks a ledger against are exactly those Flyway would apply (to a new database). */
class ShippedMigrationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"db/migration/sqlite", "db/migration/postgresql"})
    void the_versions_are_those_flyway_resolves(String folder) {
        List<String> flyway = Arrays.stream(Flyway.configure().dataSource("jdbc:sqlite::memory:", null, null)
                        .locations("classpath:" + folder)
                        .javaMigrations(new FoldedSearchWords()).load().info().all())
                .map(MigrationInfo::getVersion).map(v -> v.getVersion()).sorted().toList();

        assertThat(ShippedMigrations.versions(folder, List.of(new FoldedSearchWords())))
                .containsExactlyInAnyOrderElementsOf(flyway).contains("1", "21");
    }

    @Test
    void the_scripts_are_found_in_a_jar_too(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : List.of("db/", "db/migration/", "db/migration/x/", "db/migration/x/V1__first.sql",
                    "db/migration/x/V2_1__second.sql", "db/migration/x/README.txt", "db/migration/x/old/V9__not.sql",
                    "db/migration/xy/V8__other.sql")) {
                out.putNextEntry(new JarEntry(entry));
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(ShippedMigrations.versions(loader, "db/migration/x", List.of(new FoldedSearchWords())))
                    .containsExactlyInAnyOrder("1", "2.1", "21");
        }
    }

    @Test
    void a_folder_with_no_migrations_is_an_error() {
        assertThatThrownBy(() -> ShippedMigrations.versions("db/migration/none", List.of()))
                .hasMessageContaining("db/migration/none");
    }
}
