package org.powledger.persistence.sql;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;
import org.powledger.domain.model.BreakdownLine;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.IdempotentRequest;
import org.powledger.domain.model.Report;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.model.ReportScope;
import org.powledger.domain.model.Source;
import org.powledger.domain.model.Token;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.Versioned;

/** Rows to domain records and back. */
@Mapper
interface RowMapping extends Conversions {

    RowMapping ROWS = Mappers.getMapper(RowMapping.class);

    // --- units and cohorts

    @Mapping(target = "id", source = "value.id")
    @Mapping(target = "name", source = "value.name")
    @Mapping(target = "parentId", source = "value.parent")
    UnitRow toUnitRow(Versioned<Unit> unit);

    @Mapping(target = "parent", source = "parentId")
    Unit toUnit(UnitRow row);

    default Versioned<Unit> toVersionedUnit(UnitRow row) {
        return new Versioned<>(toUnit(row), row.version(), instant(row.createdAt()), instant(row.updatedAt()));
    }

    @Mapping(target = "id", source = "value.id")
    @Mapping(target = "name", source = "value.name")
    @Mapping(target = "size", source = "value.size")
    @Mapping(target = "sizeApproximate", source = "value.sizeApproximate")
    @Mapping(target = "description", source = "value.description")
    CohortRow toCohortRow(Versioned<Cohort> cohort);

    Cohort toCohort(CohortRow row);

    default Versioned<Cohort> toVersionedCohort(CohortRow row) {
        return new Versioned<>(toCohort(row), row.version(), instant(row.createdAt()), instant(row.updatedAt()));
    }

    // --- exchanges

    @Mapping(target = "ref", source = "exchange.ref")
    @Mapping(target = "date", source = "exchange.date")
    @Mapping(target = "kind", source = "exchange.kind")
    @Mapping(target = "operation", source = "exchange.operation")
    @Mapping(target = "returned", source = "exchange.returned")
    @Mapping(target = "handedOver", source = "exchange.handedOver")
    @Mapping(target = "civilians", source = "exchange.civilians")
    @Mapping(target = "notes", source = "exchange.notes")
    ExchangeRow toExchangeRow(ExchangeRecord record);

    @Mapping(target = "exchangeId", source = "exchangeId")
    @Mapping(target = "position", source = "position")
    @Mapping(target = "unitId", source = "line.unit")
    @Mapping(target = "cohortId", source = "line.cohort")
    @Mapping(target = "count", source = "line.count")
    LineRow toLineRow(String exchangeId, int position, BreakdownLine line);

    @Mapping(target = "unit", source = "unitId")
    @Mapping(target = "cohort", source = "cohortId")
    BreakdownLine toLine(LineRow row);

    @Mapping(target = "exchangeId", source = "exchangeId")
    @Mapping(target = "position", source = "position")
    @Mapping(target = "url", source = "source.url")
    @Mapping(target = "title", source = "source.title")
    @Mapping(target = "publisher", source = "source.publisher")
    @Mapping(target = "publishedOn", source = "source.publishedOn")
    SourceRow toSourceRow(String exchangeId, int position, Source source);

    Source toSource(SourceRow row);

    @Mapping(target = "ref", source = "row.ref")
    @Mapping(target = "date", source = "row.date")
    @Mapping(target = "kind", source = "row.kind")
    @Mapping(target = "operation", source = "row.operation")
    @Mapping(target = "returned", source = "row.returned")
    @Mapping(target = "handedOver", source = "row.handedOver")
    @Mapping(target = "civilians", source = "row.civilians")
    @Mapping(target = "notes", source = "row.notes")
    @Mapping(target = "mediators", source = "mediators")
    @Mapping(target = "breakdown", source = "breakdown")
    @Mapping(target = "sources", source = "sources")
    Exchange toExchange(ExchangeRow row, java.util.List<String> mediators, java.util.List<BreakdownLine> breakdown,
                        java.util.List<Source> sources);

    @Mapping(target = "id", source = "row.id")
    @Mapping(target = "sequence", source = "row.sequence")
    @Mapping(target = "version", source = "row.version")
    @Mapping(target = "createdAt", source = "row.createdAt")
    @Mapping(target = "updatedAt", source = "row.updatedAt")
    @Mapping(target = "exchange", source = "exchange")
    ExchangeRecord toExchangeRecord(ExchangeRow row, Exchange exchange);

    // --- reports

    @Mapping(target = "scopeYear", source = "report.scope.year")
    @Mapping(target = "scopeCohort", source = "report.scope.cohort")
    @Mapping(target = "scopeUnit", source = "report.scope.unit")
    @Mapping(target = "scopeExchange", source = "report.scope.exchange")
    @Mapping(target = "metric", source = "report.metric")
    @Mapping(target = "value", source = "report.value")
    @Mapping(target = "approximate", source = "report.approximate")
    @Mapping(target = "asOf", source = "report.asOf")
    @Mapping(target = "sourceUrl", source = "report.source.url")
    @Mapping(target = "sourceTitle", source = "report.source.title")
    @Mapping(target = "sourcePublisher", source = "report.source.publisher")
    @Mapping(target = "sourcePublishedOn", source = "report.source.publishedOn")
    @Mapping(target = "notes", source = "report.notes")
    ReportRow toReportRow(ReportRecord record);

    @Mapping(target = "year", source = "scopeYear")
    @Mapping(target = "cohort", source = "scopeCohort")
    @Mapping(target = "unit", source = "scopeUnit")
    @Mapping(target = "exchange", source = "scopeExchange")
    ReportScope toReportScope(ReportRow row);

    default ReportRecord toReportRecord(ReportRow row) {
        Source source = row.sourceUrl() == null ? null
                : new Source(row.sourceUrl(), row.sourceTitle(), row.sourcePublisher(), date(row.sourcePublishedOn()));
        Report report = new Report(toReportScope(row), metric(row.metric()), row.value(), row.approximate(),
                date(row.asOf()), source, row.notes());
        return new ReportRecord(reportId(row.id()), row.sequence(), row.version(), instant(row.createdAt()), report);
    }

    // --- tokens

    TokenRow toTokenRow(Token token);

    Token toToken(TokenRow row);

    // --- idempotency keys

    @Mapping(target = "exchangeId", source = "exchange")
    IdempotencyRow toIdempotencyRow(IdempotentRequest request);

    @Mapping(target = "exchange", source = "exchangeId")
    IdempotentRequest toIdempotentRequest(IdempotencyRow row);
}
