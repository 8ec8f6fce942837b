package org.powledger.web.report;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.util.Set;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportRecord;
import org.powledger.web.access.BearerAccess;
import org.powledger.web.csv.CsvLayout;
import org.powledger.domain.port.in.KeepingReports;
import org.powledger.web.http.QueryParams;
import org.powledger.web.http.Representations;
import org.powledger.web.json.JsonBodies;

/** {@code POST /api/v1/reports}, {@code GET/DELETE /api/v1/reports/{id}} and {@code GET /api/v1/reports}. */
public final class ReportRoutes {

    static final String PATH = "/api/v1/reports";
    static final CsvLayout CSV = CsvLayout.of("id", "scope.year", "scope.cohort", "scope.unit", "scope.exchange",
            "metric", "value", "approximate", "asOf", "source.url", "source.title", "source.publisher",
            "source.publishedOn", "notes", "version", "createdAt");

    private final KeepingReports reports;
    private final BearerAccess access;
    private final JsonBodies bodies;
    private final Representations answers;
    private final ReportMapper mapper = ReportMapper.INSTANCE;

    public ReportRoutes(KeepingReports reports, BearerAccess access, JsonBodies bodies, Representations answers) {
        this.reports = reports;
        this.access = access;
        this.bodies = bodies;
        this.answers = answers;
    }

    public void register(JavalinDefaultRoutingApi app) {
        app.post(PATH, this::create);
        app.get(PATH, this::list);
        app.get(PATH + "/{id}", this::get);
        app.delete(PATH + "/{id}", this::delete);
    }

    private void create(Context ctx) {
        Actor actor = access.writer(ctx);
        QueryParams.of(ctx, Set.of());
        ReportBody body = bodies.read(ctx, ReportBody.class);
        ReportRecord stored = reports.record(mapper.toDraft(body, null), actor);
        answers.saved(ctx, true, PATH + "/" + stored.id().value(), stored.version(), mapper.toView(stored));
    }

    private void list(Context ctx) {
        access.reader(ctx);
        QueryParams params = QueryParams.of(ctx, Representations.LIST_PARAMS);
        Representations.Format format = answers.format(ctx, params);
        var page = reports.list(params.page());
        answers.list(ctx, format, page.items().stream().map(mapper::toView).toList(), page.nextCursor(), CSV);
    }

    private void get(Context ctx) {
        access.reader(ctx);
        QueryParams.of(ctx, Set.of());
        ReportRecord stored = reports.get(existingId(ctx));
        answers.one(ctx, stored.version(), mapper.toView(stored));
    }

    private void delete(Context ctx) {
        Actor actor = access.writer(ctx);
        QueryParams.of(ctx, Set.of());
        reports.delete(existingId(ctx), actor);
        ctx.status(204);
    }

    /** A path id that cannot be a report id names no report: 404, not a validation error. */
    private static ReportId existingId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ReportId.isValid(id)) {
            throw new NotFound("report", id);
        }
        return ReportId.of(id);
    }
}
