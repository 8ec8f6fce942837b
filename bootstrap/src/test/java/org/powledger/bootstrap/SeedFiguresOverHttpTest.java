package org.powledger.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.powledger.domain.fixtures.SeedLedger;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.Report;
import org.powledger.domain.model.Unit;

/**
 * The seed figures over HTTP, the seed ledger recorded the way a script records it, one resource at
 * a time: units (parents first) and cohorts by PUT, exchanges by POST in the order the sources
 * published them, then the reports naming exchanges by the ids the server gave.
 */
class SeedFiguresOverHttpTest extends SeedFiguresOverHttpContract {

    @Override
    protected void loadSeedLedger(SeedHttp api) {
        for (Unit unit : SeedLedger.units()) {
            api.put("/units/" + unit.id().value(), SeedJson.unit(unit), 201);
        }
        for (Cohort cohort : SeedLedger.cohorts()) {
            api.put("/cohorts/" + cohort.id().value(), SeedJson.cohort(cohort), 201);
        }
        Map<String, ExchangeId> given = new HashMap<>();
        for (Exchange exchange : SeedLedger.exchanges()) {
            JsonNode created = api.post("/exchanges", SeedJson.exchange(exchange), 201);
            given.put(exchange.ref(), ExchangeId.of(created.get("id").asText()));
        }
        for (Report report : SeedLedger.reports(given::get)) {
            api.post("/reports", SeedJson.report(report), 201);
        }
    }
}
