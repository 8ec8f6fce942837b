package org.powledger.web.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.powledger.domain.model.InvalidQuery;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.web.csv.CsvLayout;
import org.powledger.web.csv.CsvWriter;

/**
 * How answers are written: single objects with their {@code ETag}, creations with {@code Location},
 * and lists as {@code {"items": [...], "nextCursor": ...}} with a {@code Link: rel="next"} header,
 * or as CSV when asked with {@code Accept: text/csv} or {@code ?format=csv}.
 */
public final class Representations {

    /** The query parameters every list takes. */
    public static final Set<String> LIST_PARAMS = Set.of("limit", "cursor", "format");

    private final ObjectMapper mapper;
    private final CsvWriter csv = new CsvWriter();

    public Representations(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public enum Format { JSON, CSV }

    /** What the client asked for; checked before any work is done so that a bad format is a 400. */
    public Format format(Context ctx, QueryParams params) {
        var format = params.raw("format");
        if (format.isPresent()) {
            return switch (format.get().strip().toLowerCase(Locale.ROOT)) {
                case "json" -> Format.JSON;
                case "csv" -> Format.CSV;
                default -> throw new InvalidQuery("format", "must be json or csv");
            };
        }
        return prefersCsv(ctx.header("Accept")) ? Format.CSV : Format.JSON;
    }

    /** {@code text/csv} wins when it is named with a higher (or the only non-zero) quality than JSON. */
    static boolean prefersCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double csvQ = 0;
        double jsonQ = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";", -1); // never empty, also for a range such as ";;;"
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].strip().split("=", 2);
                if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("q")) {
                    try {
                        q = Double.parseDouble(kv[1].strip());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (type.equals("text/csv")) {
                csvQ = Math.max(csvQ, q);
            } else if (type.equals("application/json") || type.equals("application/*")) {
                jsonQ = Math.max(jsonQ, q);
            }
        }
        return csvQ > 0 && csvQ > jsonQ;
    }

    public void one(Context ctx, int version, Object body) {
        ctx.header("ETag", Versions.etag(version));
        if (Versions.notModified(ctx, version)) {
            ctx.status(304);
            return;
        }
        ctx.status(200).json(body);
    }

    public void saved(Context ctx, boolean created, String location, int version, Object body) {
        ctx.header("ETag", Versions.etag(version));
        if (created) {
            ctx.header("Location", location);
        }
        ctx.status(created ? 201 : 200).json(body);
    }

    public void list(Context ctx, Format format, List<?> items, String nextCursor, CsvLayout layout) {
        if (nextCursor != null) {
            ctx.header("Link", "<" + nextPage(ctx, nextCursor) + ">; rel=\"next\"");
        }
        if (format == Format.CSV) {
            send(ctx, csv(items, layout));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("nextCursor", nextCursor);
        send(ctx, json(body));
    }

    /**
     * A paged list. As JSON, or as CSV with a {@code limit}, one page (see {@link #list}). As CSV without
     * a {@code limit}, every item from the cursor on, read page after page and written as it is read:
     * a spreadsheet must never get a silently truncated file.
     */
    public <T> void pages(Context ctx, Format format, QueryParams params, Function<PageRequest, Page<T>> read,
                          Function<T, ?> view, CsvLayout layout) {
        PageRequest asked = params.page();
        if (format != Format.CSV || params.raw("limit").isPresent()) {
            Page<T> page = read.apply(asked);
            list(ctx, format, page.items().stream().map(view).toList(), page.nextCursor(), layout);
            return;
        }
        ctx.header("Vary", "Accept");
        ctx.status(200).contentType(CsvWriter.MEDIA_TYPE);
        Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
        try (CsvWriter.Rows rows = csv.open(out, layout)) {
            String cursor = asked.cursor();
            do {
                Page<T> page = read.apply(new PageRequest(PageRequest.MAX_LIMIT, cursor));
                page.items().forEach(item -> rows.write(mapper.valueToTree(view.apply(item))));
                cursor = page.nextCursor();
            } while (cursor != null);
        }
    }

    /** A list that is never paged (history, statistics): {@code {"items": [...]}} or CSV. */
    public void all(Context ctx, Format format, List<?> items, CsvLayout layout) {
        rows(ctx, format, "items", items, layout);
    }

    /**
     * A list as long as the ledger ({@code {"items": [...]}} or CSV), written to the response as
     * {@code producer} hands over its items: nothing but the item being written is held. Everything
     * that can be refused must have been checked before: once the first byte is out, the status is 200.
     */
    public void stream(Context ctx, Format format, CsvLayout layout, Consumer<Consumer<Object>> producer) {
        ctx.header("Vary", "Accept");
        ctx.status(200).contentType(format == Format.CSV ? CsvWriter.MEDIA_TYPE : "application/json");
        try {
            OutputStream out = ctx.outputStream();
            if (format == Format.CSV) {
                // Closing the rows flushes them and closes the response.
                try (CsvWriter.Rows rows = csv.open(new OutputStreamWriter(out, StandardCharsets.UTF_8), layout)) {
                    producer.accept(item -> rows.write(mapper.valueToTree(item)));
                }
                return;
            }
            try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
                json.writeStartObject();
                json.writeArrayFieldStart("items");
                producer.accept(item -> {
                    try {
                        mapper.writeValue(json, item);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                json.writeEndArray();
                json.writeEndObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A list under another name ({@code {"years": [...]}}) as JSON, or its items as CSV rows. */
    public void rows(Context ctx, Format format, String field, List<?> items, CsvLayout layout) {
        send(ctx, renderRows(format, field, items, layout));
    }

    /** One object that is not a stored record (a statistics summary) as JSON, or as one CSV row. */
    public void object(Context ctx, Format format, Object body, CsvLayout layout) {
        send(ctx, renderObject(format, body, layout));
    }

    /**
     * An answer written out, to be sent once or, while it stays the answer, again without writing it out
     * again ({@link #send}): its media type and its bytes.
     */
    public record Rendered(String contentType, byte[] body) {
    }

    /** What {@link #rows} sends. */
    public Rendered renderRows(Format format, String field, List<?> items, CsvLayout layout) {
        return format == Format.CSV ? csv(items, layout) : json(Map.of(field, items));
    }

    /** What {@link #object} sends. */
    public Rendered renderObject(Format format, Object body, CsvLayout layout) {
        return format == Format.CSV ? csv(List.of(body), layout) : json(body);
    }

    /** Sends an answer written out before; its media type depends on the format asked, hence {@code Vary}. */
    public void send(Context ctx, Rendered rendered) {
        ctx.header("Vary", "Accept");
        ctx.status(200).contentType(rendered.contentType()).result(rendered.body());
    }

    private Rendered json(Object body) {
        try {
            return new Rendered("application/json", mapper.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("An answer could not be written as JSON", e);
        }
    }

    private Rendered csv(List<?> items, CsvLayout layout) {
        List<JsonNode> rows = items.stream().map(i -> (JsonNode) mapper.valueToTree(i)).toList();
        return new Rendered(CsvWriter.MEDIA_TYPE, csv.write(rows, layout).getBytes(StandardCharsets.UTF_8));
    }

    /** The request's own path and query with {@code cursor} set to the next page's. */
    static String nextPage(Context ctx, String nextCursor) {
        String query = ctx.queryString();
        List<String> kept = new ArrayList<>();
        if (query != null && !query.isEmpty()) {
            Stream.of(query.split("&"))
                    .filter(p -> !p.isEmpty() && !p.equals("cursor") && !p.startsWith("cursor="))
                    .forEach(kept::add);
        }
        kept.add("cursor=" + URLEncoder.encode(nextCursor, StandardCharsets.UTF_8));
        return ctx.path() + "?" + kept.stream().collect(Collectors.joining("&"));
    }
}
