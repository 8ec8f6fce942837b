package org.powledger.persistence.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The versions of the migrations this build ships for one store: the scripts {@code V<version>__*.sql}
 * in a classpath folder, from the classes folder or from the jar, and the Java migrations. Knowing them
 * lets a store see that a ledger's schema is current without starting Flyway, whose classes, scan and
 * checks took a fifth of the server's start-up (about 400 classes).
 */
public final class ShippedMigrations {

    /**
     * The migrations written in Java that every store runs beside its SQL scripts: one list, so that the
     * check for a current schema and Flyway never disagree on what is shipped.
     */
    public static final List<JavaMigration> JAVA = List.of(new FoldedSearchWords());

    private static final Pattern SCRIPT = Pattern.compile("V([0-9][0-9_.]*)__[^/]*\\.sql");

    private ShippedMigrations() {
    }

    /** The versions ("1", "20", ...) of the scripts in {@code folder} (like {@code db/migration/sqlite}) and of {@code java}. */
    public static Set<String> versions(String folder, List<? extends JavaMigration> java) {
        return versions(ShippedMigrations.class.getClassLoader(), folder, java);
    }

    static Set<String> versions(ClassLoader loader, String folder, List<? extends JavaMigration> java) {
        Set<String> versions = new TreeSet<>();
        for (String name : names(loader, folder)) {
            Matcher script = SCRIPT.matcher(name);
            if (script.matches()) {
                versions.add(script.group(1).replace('_', '.'));
            }
        }
        java.forEach(migration -> versions.add(migration.getVersion().getVersion()));
        return versions;
    }

    private static List<String> names(ClassLoader loader, String folder) {
        URL url = loader.getResource(folder);
        if (url == null) {
            throw new IllegalStateException("No migrations in this build at " + folder);
        }
        try {
            if (url.getProtocol().equals("jar")) {
                JarURLConnection jar = (JarURLConnection) url.openConnection();
                jar.setUseCaches(true); // the jar the classes come from, already open
                String folderEntry = jar.getEntryName();
                String prefix = folderEntry.endsWith("/") ? folderEntry : folderEntry + "/"; // a folder's entry may end in /
                return jar.getJarFile().stream().map(java.util.zip.ZipEntry::getName)
                        .filter(name -> name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0)
                        .map(name -> name.substring(prefix.length())).toList();
            }
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                return files.map(file -> file.getFileName().toString()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the migrations at " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list the migrations at " + url, e);
        }
    }
}
