package org.powledger.web.exchange;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Page;
import org.powledger.domain.port.in.ExchangeDraft;
import org.powledger.domain.port.in.RecordingExchanges;
import org.powledger.domain.port.in.RecordingExchanges.Recorded;
import org.powledger.domain.port.in.RecordingExchanges.ExchangeFilter;
import org.powledger.web.access.BearerAccess;
import org.powledger.web.csv.CsvLayout;
import org.powledger.web.http.QueryParams;
import org.powledger.web.http.Representations;
import org.powledger.web.http.Versions;
import org.powledger.web.json.JsonBodies;

/**
 * {@code POST /api/v1/exchanges}, {@code GET/PUT/DELETE /api/v1/exchanges/{id}},
 * {@code GET /api/v1/exchanges} with its filters, and {@code GET /api/v1/exchanges/{id}/history}.
 * {@code POST} honours {@code Idempotency-Key} (see {@link IdempotencyKeyHeader}).
 */
public final class ExchangeRoutes {

    static final String PATH = "/api/v1/exchanges";
    static final List<String> FILTERS = List.of("from", "to", "kind", "unit", "cohort", "mediator", "operation", "q");
    static final CsvLayout CSV = CsvLayout.of("id", "ref", "date", "kind", "operation", "returned", "handedOver",
                    "civilians", "mediators", "breakdown", "unattributed", "sources.url", "sources.title",
                    "sources.publisher", "sources.publishedOn", "notes", "version", "createdAt", "updatedAt")
            .withFormat("breakdown", BreakdownCsv::write);
    static final CsvLayout HISTORY_CSV = CsvLayout.of("version", "action", "at", "actor", "record.id", "record.ref",
                    "record.date", "record.kind", "record.operation", "record.returned", "record.handedOver",
                    "record.civilians", "record.mediators", "record.breakdown", "record.unattributed",
                    "record.sources.url", "record.sources.title", "record.sources.publisher",
                    "record.sources.publishedOn", "record.notes")
            .withFormat("record.breakdown", BreakdownCsv::write);

    private static final Set<String> LIST_PARAMS = listParams();
    private static final Set<String> HISTORY_PARAMS = Set.of("format");

    private final RecordingExchanges exchanges;
    private final BearerAccess access;
    private final JsonBodies bodies;
    private final Representations answers;
    private final ExchangeMapper mapper = ExchangeMapper.INSTANCE;

    public ExchangeRoutes(RecordingExchanges exchanges, BearerAccess access, JsonBodies bodies,
                          Representations answers) {
        this.exchanges = exchanges;
        this.access = access;
        this.bodies = bodies;
        this.answers = answers;
    }

    public void register(JavalinDefaultRoutingApi app) {
        app.post(PATH, this::create);
        app.get(PATH, this::list);
        app.get(PATH + "/{id}", this::get);
        app.put(PATH + "/{id}", this::replace);
        app.delete(PATH + "/{id}", this::delete);
        app.get(PATH + "/{id}/history", this::history);
    }

    private void create(Context ctx) {
        Actor actor = access.writer(ctx);
        QueryParams.of(ctx, Set.of());
        String key = IdempotencyKeyHeader.validKey(ctx.header(IdempotencyKeyHeader.HEADER));
        ExchangeBody body = bodies.read(ctx, ExchangeBody.class);
        ExchangeDraft draft = mapper.toDraft(body, null);
        ExchangeRecord stored;
        if (key == null) {
            stored = exchanges.record(draft, actor);
        } else {
            Recorded recorded = exchanges.record(draft, actor, key,
                    IdempotencyKeyHeader.fingerprint(bodies.canonical(body)));
            stored = recorded.record();
            if (recorded.replayed()) {
                ctx.header(IdempotencyKeyHeader.REPLAYED, "true");
            }
        }
        answers.saved(ctx, true, PATH + "/" + stored.id().value(), stored.version(), mapper.toView(stored));
    }

    private void list(Context ctx) {
        access.reader(ctx);
        QueryParams params = QueryParams.of(ctx, LIST_PARAMS);
        Representations.Format format = answers.format(ctx, params);
        ExchangeFilter filter = new ExchangeFilter(params.date("from"), params.date("to"),
                params.text("kind").orElse(null), params.text("unit").orElse(null),
                params.text("cohort").orElse(null), params.text("mediator").orElse(null),
                params.text("operation").orElse(null), params.text("q").orElse(null));
        Page<ExchangeRecord> page = exchanges.list(filter, params.page());
        answers.list(ctx, format, page.items().stream().map(mapper::toView).toList(), page.nextCursor(), CSV);
    }

    private void get(Context ctx) {
        access.reader(ctx);
        QueryParams.of(ctx, Set.of());
        ExchangeRecord stored = exchanges.get(existingId(ctx));
        answers.one(ctx, stored.version(), mapper.toView(stored));
    }

    private void replace(Context ctx) {
        Actor actor = access.writer(ctx);
        QueryParams.of(ctx, Set.of());
        ExchangeId id = existingId(ctx);
        Integer expected = Versions.ifMatch(ctx);
        ExchangeBody body = bodies.read(ctx, ExchangeBody.class);
        ExchangeRecord stored = exchanges.replace(id, mapper.toDraft(body, id.value()), expected, actor);
        answers.saved(ctx, false, null, stored.version(), mapper.toView(stored));
    }

    private void delete(Context ctx) {
        Actor actor = access.writer(ctx);
        QueryParams.of(ctx, Set.of());
        exchanges.delete(existingId(ctx), actor);
        ctx.status(204);
    }

    private void history(Context ctx) {
        access.reader(ctx);
        QueryParams params = QueryParams.of(ctx, HISTORY_PARAMS);
        Representations.Format format = answers.format(ctx, params);
        List<HistoryView> items = exchanges.history(existingId(ctx)).stream().map(mapper::toView).toList();
        answers.all(ctx, format, items, HISTORY_CSV);
    }

    /** A path id that cannot be an exchange id names no exchange: 404, not a validation error. */
    private static ExchangeId existingId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ExchangeId.isValid(id)) {
            throw new NotFound("exchange", id);
        }
        return ExchangeId.of(id);
    }

    private static Set<String> listParams() {
        Set<String> params = new HashSet<>(Representations.LIST_PARAMS);
        params.addAll(FILTERS);
        return Set.copyOf(params);
    }
}
