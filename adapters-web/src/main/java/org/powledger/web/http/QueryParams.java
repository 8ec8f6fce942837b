package org.powledger.web.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
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
        requireWellEncoded(ctx.queryString());
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

    /**
     * A query whose percent-encoding is broken ({@code limit=%zz}, {@code %C0%AF}) is a 400: the decoder
     * would otherwise drop or mangle the parameter, and the request would be answered as if it were absent.
     */
    private static void requireWellEncoded(String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0];
            if (!decodes(pair)) {
                throw new InvalidQuery(decodes(name) ? decode(name) : name, "is not well-formed percent-encoded UTF-8");
            }
        }
    }

    private static boolean decodes(String text) {
        try {
            decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Strict form decoding: every {@code %} starts two hex digits, and the bytes are UTF-8. */
    private static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || HexFormat.fromHexDigits(text, i + 1, i + 3) < 0) {
                    throw new IllegalArgumentException("truncated escape");
                }
                bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
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

    Optional<String> raw(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }
}
