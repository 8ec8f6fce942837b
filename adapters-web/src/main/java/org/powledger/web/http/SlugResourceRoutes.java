package org.powledger.web.http;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.util.Set;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Slug;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.Saved;
import org.powledger.web.access.BearerAccess;
import org.powledger.web.csv.CsvLayout;
import org.powledger.web.json.JsonBodies;

/**
 * {@code PUT/GET/DELETE PATH/{id}} and {@code GET PATH} for a resource whose id the client chooses
 * (units, cohorts): PUT creates (201) or replaces under {@code If-Match} (200); a path id that is not a
 * slug names nothing (404); an {@code id} in the body must match the path. One home for these rules;
 * each resource says only what differs.
 */
public final class SlugResourceRoutes<T, B> {

    /** What differs between such resources: where they live, their body, their use cases and views. */
    public interface Resource<T, B> {

        String path();

        /** The word a 404 uses: "unit". */
        String name();

        CsvLayout csv();

        Class<B> bodyType();

        /** The {@code id} field of a body, or null when it has none. */
        String idIn(B body);

        Saved<T> put(B body, String id, Integer expectedVersion, Actor actor);

        Versioned<T> get(String id);

        Page<Versioned<T>> list(PageRequest page);

        void delete(String id, Actor actor);

        Object view(Versioned<T> stored);
    }

    private final Resource<T, B> resource;
    private final BearerAccess access;
    private final JsonBodies bodies;
    private final Representations answers;

    public SlugResourceRoutes(Resource<T, B> resource, BearerAccess access, JsonBodies bodies,
                              Representations answers) {
        this.resource = resource;
        this.access = access;
        this.bodies = bodies;
        this.answers = answers;
    }

    public void register(JavalinDefaultRoutingApi app) {
        app.get(resource.path(), this::list);
        app.get(resource.path() + "/{id}", this::get);
        app.put(resource.path() + "/{id}", this::put);
        app.delete(resource.path() + "/{id}", this::delete);
    }

    private void list(Context ctx) {
        access.reader(ctx);
        QueryParams params = QueryParams.of(ctx, Representations.LIST_PARAMS);
        Representations.Format format = answers.format(ctx, params);
        Page<Versioned<T>> page = resource.list(params.page());
        answers.list(ctx, format, page.items().stream().map(resource::view).toList(), page.nextCursor(),
                resource.csv());
    }

    private void get(Context ctx) {
        access.reader(ctx);
        QueryParams.of(ctx, Set.of());
        Versioned<T> stored = resource.get(existingId(ctx));
        answers.one(ctx, stored.version(), resource.view(stored));
    }

    private void put(Context ctx) {
        Actor actor = access.writer(ctx);
        QueryParams.of(ctx, Set.of());
        String id = ctx.pathParam("id");
        Integer expected = Versions.ifMatch(ctx);
        B body = bodies.read(ctx, resource.bodyType());
        String idInBody = resource.idIn(body);
        if (idInBody != null && !idInBody.equals(id)) {
            throw InvalidRecord.of("/id", "must match the id in the path ('" + id + "') or be left out");
        }
        Saved<T> saved = resource.put(body, id, expected, actor);
        answers.saved(ctx, saved.created(), resource.path() + "/" + id, saved.stored().version(),
                resource.view(saved.stored()));
    }

    private void delete(Context ctx) {
        Actor actor = access.writer(ctx);
        QueryParams.of(ctx, Set.of());
        resource.delete(existingId(ctx), actor);
        ctx.status(204);
    }

    /** A path id that is not a slug names nothing: 404, not a validation error. */
    private String existingId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!Slug.isValid(id)) {
            throw new NotFound(resource.name(), id);
        }
        return id;
    }
}
