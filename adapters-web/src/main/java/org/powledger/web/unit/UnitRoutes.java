package org.powledger.web.unit;

import io.javalin.router.JavalinDefaultRoutingApi;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.KeepingUnits;
import org.powledger.domain.port.in.Saved;
import org.powledger.web.access.BearerAccess;
import org.powledger.web.csv.CsvLayout;
import org.powledger.web.http.Representations;
import org.powledger.web.http.SlugResourceRoutes;
import org.powledger.web.json.JsonBodies;

/** {@code PUT/GET/DELETE /api/v1/units/{id}} and {@code GET /api/v1/units}. */
public final class UnitRoutes {

    static final String PATH = "/api/v1/units";
    static final CsvLayout CSV = CsvLayout.of("id", "name", "parent", "version", "createdAt", "updatedAt");

    private final SlugResourceRoutes<Unit, UnitBody> routes;

    public UnitRoutes(KeepingUnits units, BearerAccess access, JsonBodies bodies, Representations answers) {
        this.routes = new SlugResourceRoutes<>(new Units(units), access, bodies, answers);
    }

    public void register(JavalinDefaultRoutingApi app) {
        routes.register(app);
    }

    private record Units(KeepingUnits units) implements SlugResourceRoutes.Resource<Unit, UnitBody> {

        private static final UnitMapper MAPPER = UnitMapper.INSTANCE;

        @Override
        public String path() {
            return PATH;
        }

        @Override
        public String name() {
            return "unit";
        }

        @Override
        public CsvLayout csv() {
            return CSV;
        }

        @Override
        public Class<UnitBody> bodyType() {
            return UnitBody.class;
        }

        @Override
        public String idIn(UnitBody body) {
            return body.id();
        }

        @Override
        public Saved<Unit> put(UnitBody body, String id, Integer expectedVersion, Actor actor) {
            return units.put(MAPPER.toDraft(body, id), expectedVersion, actor);
        }

        @Override
        public Versioned<Unit> get(String id) {
            return units.get(UnitId.of(id));
        }

        @Override
        public Page<Versioned<Unit>> list(PageRequest page) {
            return units.list(page);
        }

        @Override
        public void delete(String id, Actor actor) {
            units.delete(UnitId.of(id), actor);
        }

        @Override
        public Object view(Versioned<Unit> stored) {
            return MAPPER.toView(stored);
        }
    }
}
