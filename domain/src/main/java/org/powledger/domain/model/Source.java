package org.powledger.domain.model;

import java.net.URI;
import java.time.LocalDate;

/** Where a figure was published: a link, and optionally its title, publisher and date. */
public record Source(String url, String title, String publisher, LocalDate publishedOn) {

    public static final int MAX_URL = 2000;

    public Source {
        title = Text.optional(title);
        publisher = Text.optional(publisher);
        Violations v = new Violations();
        if (url == null || url.isBlank()) {
            v.add("/url", "is required");
        } else {
            v.check(url.length() <= MAX_URL, "/url", "must be at most " + MAX_URL + " characters");
            v.check(isHttp(url), "/url", "must be an http(s) URL");
        }
        Text.checkLength(v, title, 500, "/title");
        Text.checkLength(v, publisher, 200, "/publisher");
        v.throwIfAny();
    }

    private static boolean isHttp(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (Exception e) {
            return false;
        }
    }
}
