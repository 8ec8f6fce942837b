package org.powledger.web.report;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.Metric;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.port.in.ExchangeDraft;
import org.powledger.domain.port.in.ReportDraft;

@Mapper
interface ReportMapper {

    ReportMapper INSTANCE = Mappers.getMapper(ReportMapper.class);

    @Mapping(target = "id", source = "assignedId")
    ReportDraft toDraft(ReportBody body, String assignedId);

    ReportDraft.ScopeDraft toDraft(ReportBody.ScopeBody scope);

    ExchangeDraft.SourceDraft toDraft(ReportBody.SourceBody source);

    @Mapping(target = ".", source = "report")
    @Mapping(target = "version", expression = "java(record.version())")
    ReportView toView(ReportRecord record);

    default String reportId(ReportId id) {
        return id == null ? null : id.value();
    }

    default String exchangeId(ExchangeId id) {
        return id == null ? null : id.value();
    }

    default String unitId(UnitId id) {
        return id == null ? null : id.value();
    }

    default String cohortId(CohortId id) {
        return id == null ? null : id.value();
    }

    default String metric(Metric metric) {
        return metric == null ? null : metric.wireName();
    }
}
