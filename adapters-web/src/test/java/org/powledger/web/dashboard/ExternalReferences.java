package org.powledger.web.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what in an HTML, CSS or JavaScript text could make a browser reach another origin: any
 * {@code scheme://} (http, https, ws, ...) and any protocol-relative {@code //host} where a URL is
 * taken ({@code src=}, {@code href=}, {@code url(}, {@code @import}, {@code fetch(}, a string literal).
 * The one allowed absolute URL is the SVG namespace, an identifier that is never fetched.
 */
public final class ExternalReferences {

    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    private static final Pattern ABSOLUTE = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://");
    private static final Pattern PROTOCOL_RELATIVE = Pattern.compile("(?i)(?:"
            + "\\b(?:src|href|action|formaction|srcset|poster|data|xlink:href|content)\\s*=\\s*[\"']?"
            + "|url\\(\\s*[\"']?"
            + "|@import\\s+[\"']?"
            + "|\\b(?:fetch|import|URL|Request|EventSource|WebSocket|Worker|sendBeacon)\\s*\\(\\s*[\"'`]?"
            + "|[\"'`]"
            + ")\\s*//");

    private ExternalReferences() {
    }

    /** Each offending place, with a little context; empty when the text keeps to its own origin. */
    public static List<String> in(String text) {
        String scanned = text.replace("'" + SVG_NAMESPACE + "'", "'svg-namespace'");
        List<String> found = new ArrayList<>();
        for (Pattern pattern : List.of(ABSOLUTE, PROTOCOL_RELATIVE)) {
            Matcher matcher = pattern.matcher(scanned);
            while (matcher.find()) {
                int end = Math.min(scanned.length(), matcher.end() + 30);
                found.add(scanned.substring(matcher.start(), end).strip());
            }
        }
        return found;
    }
}
