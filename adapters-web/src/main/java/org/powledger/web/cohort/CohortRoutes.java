package org.powledger.web.cohort;

import io.javalin.router.JavalinDefaultRoutingApi;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.KeepingCohorts;
import org.powledger.domain.port.in.Saved;
import org.powledger.web.access.BearerAccess;
import org.powledger.web.csv.CsvLayout;
import org.powledger.web.http.Representations;
import org.powledger.web.http.SlugResourceRoutes;
import org.powledger.web.json.JsonBodies;

/** {@code PUT/GET/DELETE /api/v1/cohorts/{id}} and {@code GET /api/v1/cohorts}. */
public final class CohortRoutes {

    static final String PATH = "/api/v1/cohorts";
    static final CsvLayout CSV = CsvLayout.of("id", "name", "size", "sizeApproximate", "description", "version",
            "createdAt", "updatedAt");

    private final SlugResourceRoutes<Cohort, CohortBody> routes;

    public CohortRoutes(KeepingCohorts cohorts, BearerAccess access, JsonBodies bodies, Representations answers) {
        this.routes = new SlugResourceRoutes<>(new Cohorts(cohorts), access, bodies, answers);
    }

    public void register(JavalinDefaultRoutingApi app) {
        routes.register(app);
    }

    private record Cohorts(KeepingCohorts cohorts) implements SlugResourceRoutes.Resource<Cohort, CohortBody> {

        private static final CohortMapper MAPPER = CohortMapper.INSTANCE;

        @Override
        public String path() {
            return PATH;
        }

        @Override
        public String name() {
            return "cohort";
        }

        @Override
        public CsvLayout csv() {
            return CSV;
        }

        @Override
        public Class<CohortBody> bodyType() {
            return CohortBody.class;
        }

        @Override
        public String idIn(CohortBody body) {
            return body.id();
        }

        @Override
        public Saved<Cohort> put(CohortBody body, String id, Integer expectedVersion, Actor actor) {
            return cohorts.put(MAPPER.toDraft(body, id), expectedVersion, actor);
        }

        @Override
        public Versioned<Cohort> get(String id) {
            return cohorts.get(CohortId.of(id));
        }

        @Override
        public Page<Versioned<Cohort>> list(PageRequest page) {
            return cohorts.list(page);
        }

        @Override
        public void delete(String id, Actor actor) {
            cohorts.delete(CohortId.of(id), actor);
        }

        @Override
        public Object view(Versioned<Cohort> stored) {
            return MAPPER.toView(stored);
        }
    }
}
