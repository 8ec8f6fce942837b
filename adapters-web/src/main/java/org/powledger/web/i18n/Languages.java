package org.powledger.web.i18n;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.powledger.web.http.PageFile;

/**
 * The languages the pages speak: one file per language under {@code /i18n/} on the classpath
 * ({@code en.json}, {@code uk.json}), found when the server starts, so that adding a language is
 * adding a file. English is the default, for a browser that asks for none of them.
 */
public final class Languages {

    public static final String FOLDER = "/i18n/";
    static final String DEFAULT = "en";
    private static final Pattern FILE = Pattern.compile("([a-z]{2,3})\\.json");

    private final List<Language> all;

    Languages(List<Language> all) {
        if (all.stream().noneMatch(language -> language.code().equals(DEFAULT))) {
            throw new IllegalStateException("The default language file " + FOLDER + DEFAULT + ".json is missing");
        }
        this.all = all.stream().sorted(Comparator.comparing((Language l) -> !l.code().equals(DEFAULT))
                .thenComparing(Language::code)).toList();
    }

    /** Every {@code /i18n/CODE.json} on the classpath. */
    public static Languages load() {
        ObjectMapper json = new ObjectMapper();
        List<Language> found = new ArrayList<>();
        for (String code : codesOnClasspath()) {
            byte[] bytes = PageFile.read(FOLDER + code + ".json");
            try {
                found.add(new Language(code, json.readValue(bytes, new TypeReference<Map<String, Object>>() { }),
                        bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("The language file " + FOLDER + code + ".json is not valid JSON", e);
            }
        }
        return new Languages(found);
    }

    /** The default language first, then the others by code. */
    public List<Language> all() {
        return all;
    }

    public Language defaultLanguage() {
        return all.get(0);
    }

    /**
     * The language an {@code Accept-Language} header prefers among those there are (RFC 4647 lookup:
     * {@code uk-UA} finds {@code uk}); the default for none, a header that names none of them, or one
     * that does not parse.
     */
    public Language choose(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return defaultLanguage();
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage),
                    all.stream().map(Language::code).toList());
            return tag == null ? defaultLanguage()
                    : all.stream().filter(l -> l.code().equalsIgnoreCase(tag)).findFirst().orElse(defaultLanguage());
        } catch (IllegalArgumentException malformed) {
            return defaultLanguage();
        }
    }

    private static List<String> codesOnClasspath() {
        URL folder = Languages.class.getResource(FOLDER);
        if (folder == null) {
            throw new IllegalStateException("The language folder " + FOLDER + " is missing from the classpath");
        }
        try {
            URI uri = folder.toURI();
            if (!uri.getScheme().equals("jar")) {
                return codesIn(Path.of(uri));
            }
            FileSystem jar;
            boolean opened;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
                opened = true;
            } catch (FileSystemAlreadyExistsException alreadyOpen) {
                jar = FileSystems.getFileSystem(uri);
                opened = false;
            }
            try {
                return codesIn(jar.getPath(FOLDER));
            } finally {
                if (opened) {
                    jar.close();
                }
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot list the language files in " + folder, e);
        }
    }

    private static List<String> codesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> FILE.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches).map(matcher -> matcher.group(1)).sorted().toList();
        }
    }
}
