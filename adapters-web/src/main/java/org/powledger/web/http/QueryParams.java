package org.powledger.web.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.powledger.domain.model.InvalidQuery;
import org.powledger.domain.model.PageRequest;
import org.powledger.web.json.JsonSupport;

/**
 * A request's query parameters, checked against the ones its route knows: an unknown parameter
 * (a typo such as {@code form=}) or one given twice is a 400 naming it, like a malformed value.
 */
public final class QueryParams {

    private final Map<String, List<String>> params;

    private QueryParams(Map<String, List<String>> params) {
        this.params = params;
    }

    public static QueryParams of(Context ctx, Set<String> known) {
        requireWellFormed(ctx.queryString());
        Map<String, List<String>> params = ctx.queryParamMap();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new InvalidQuery(e.getKey(), known.isEmpty() ? "is not a parameter of this resource"
                        : "is not a parameter of this resource; known: " + String.join(", ", known.stream().sorted().toList()));
            }
            if (e.getValue().size() > 1) {
                throw new InvalidQuery(e.getKey(), "must be given at most once");
            }
        }
        return new QueryParams(params);
    }

    /** A text parameter; absent or blank gives empty. */
    public Optional<String> text(String name) {
        return raw(name).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** A date parameter {@code YYYY-MM-DD}; anything else is a 400 naming the parameter. */
    public LocalDate date(String name) {
        return raw(name).map(value -> JsonSupport.parseDate(value.strip())
                        .orElseThrow(() -> new InvalidQuery(name, "must be a date YYYY-MM-DD")))
                .orElse(null);
    }

    /** {@code limit} (1–500, default 50) and {@code cursor}. */
    public PageRequest page() {
        int limit = raw("limit").map(QueryParams::limit).orElse(PageRequest.DEFAULT_LIMIT);
        String cursor = raw("cursor").orElse(null);
        if (cursor != null && cursor.isBlank()) {
            throw new InvalidQuery("cursor", "must not be empty");
        }
        return new PageRequest(limit, cursor);
    }

    private static int limit(String value) {
        String v = value.strip();
        if (!v.matches("[0-9]{1,4}")) {
            throw new InvalidQuery("limit", "must be a whole number between 1 and " + PageRequest.MAX_LIMIT);
        }
        int limit = Integer.parseInt(v);
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new InvalidQuery("limit", "must be a whole number between 1 and " + PageRequest.MAX_LIMIT);
        }
        return limit;
    }

    /**
     * Javalin silently drops a name or value whose percent-encoding is malformed ({@code from=%zz}),
     * which would widen a list without a word: such a query is a 400 naming the parameter.
     */
    static void requireWellFormed(String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decode(rawName);
            if (name == null) {
                throw new InvalidQuery(rawName, "is not valid percent-encoded UTF-8");
            }
            if (eq >= 0 && decode(pair.substring(eq + 1)) == null) {
                throw new InvalidQuery(name, "is not valid percent-encoded UTF-8");
            }
        }
    }

    /** Strict form decoding: every {@code %} followed by two hex digits, the bytes valid UTF-8; else null. */
    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length() || Character.digit(encoded.charAt(i + 1), 16) < 0
                        || Character.digit(encoded.charAt(i + 2), 16) < 0) {
                    return null;
                }
                bytes.write(Character.digit(encoded.charAt(i + 1), 16) * 16 + Character.digit(encoded.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] raw = String.valueOf(c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    Optional<String> raw(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }
}
