package org.powledger.web.unit;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Set;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Slug;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.KeepingUnits;
import org.powledger.domain.port.in.Saved;
import org.powledger.web.access.BearerAccess;
import org.powledger.web.csv.CsvLayout;
import org.powledger.web.http.QueryParams;
import org.powledger.web.http.Representations;
import org.powledger.web.http.Versions;
import org.powledger.web.json.JsonBodies;

/** {@code PUT/GET/DELETE /api/v1/units/{id}} and {@code GET /api/v1/units}. */
public final class UnitRoutes {

    static final String PATH = "/api/v1/units";
    static final CsvLayout CSV = CsvLayout.of("id", "name", "parent", "version", "createdAt", "updatedAt");

    private final KeepingUnits units;
    private final BearerAccess access;
    private final JsonBodies bodies;
    private final Representations answers;
    private final UnitMapper mapper = UnitMapper.INSTANCE;

    public UnitRoutes(KeepingUnits units, BearerAccess access, JsonBodies bodies, Representations answers) {
        this.units = units;
        this.access = access;
        this.bodies = bodies;
        this.answers = answers;
    }

    public void register(Javalin app) {
        app.get(PATH, this::list);
        app.get(PATH + "/{id}", this::get);
        app.put(PATH + "/{id}", this::put);
        app.delete(PATH + "/{id}", this::delete);
    }

    private void list(Context ctx) {
        access.reader(ctx);
        QueryParams params = QueryParams.of(ctx, Representations.LIST_PARAMS);
        Representations.Format format = answers.format(ctx, params);
        var page = units.list(params.page());
        answers.list(ctx, format, page.items().stream().map(mapper::toView).toList(), page.nextCursor(), CSV);
    }

    private void get(Context ctx) {
        access.reader(ctx);
        QueryParams.of(ctx, Set.of());
        Versioned<Unit> unit = units.get(existingId(ctx));
        answers.one(ctx, unit.version(), mapper.toView(unit));
    }

    private void put(Context ctx) {
        Actor actor = access.writer(ctx);
        QueryParams.of(ctx, Set.of());
        String id = ctx.pathParam("id");
        Integer expected = Versions.ifMatch(ctx);
        UnitBody body = bodies.read(ctx, UnitBody.class);
        if (body.id() != null && !body.id().equals(id)) {
            throw InvalidRecord.of("/id", "must match the id in the path ('" + id + "') or be left out");
        }
        Saved<Unit> saved = units.put(mapper.toDraft(body, id), expected, actor);
        answers.saved(ctx, saved.created(), PATH + "/" + id, saved.stored().version(), mapper.toView(saved.stored()));
    }

    private void delete(Context ctx) {
        Actor actor = access.writer(ctx);
        QueryParams.of(ctx, Set.of());
        units.delete(existingId(ctx), actor);
        ctx.status(204);
    }

    /** A path id that is not a slug names no unit: 404, not a validation error. */
    private static UnitId existingId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!Slug.isValid(id)) {
            throw new NotFound("unit", id);
        }
        return UnitId.of(id);
    }
}
