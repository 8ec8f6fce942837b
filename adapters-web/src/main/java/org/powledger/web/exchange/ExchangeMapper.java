package org.powledger.web.exchange;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.HistoryEntry;
import org.powledger.domain.model.Kind;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.port.in.ExchangeDraft;

@Mapper
interface ExchangeMapper {

    ExchangeMapper INSTANCE = Mappers.getMapper(ExchangeMapper.class);

    @Mapping(target = "id", source = "assignedId")
    ExchangeDraft toDraft(ExchangeBody body, String assignedId);

    ExchangeDraft.LineDraft toDraft(ExchangeBody.LineBody line);

    ExchangeDraft.SourceDraft toDraft(ExchangeBody.SourceBody source);

    @Mapping(target = ".", source = "exchange")
    @Mapping(target = "unattributed", expression = "java(record.exchange().unattributed())")
    ExchangeView toView(ExchangeRecord record);

    @Mapping(target = "id", source = "id")
    @Mapping(target = "unattributed", expression = "java(exchange.unattributed())")
    HistoryView.RecordView toRecordView(Exchange exchange, ExchangeId id);

    default HistoryView toView(HistoryEntry entry) {
        return new HistoryView(entry.version(), entry.action().wireName(), entry.at(), entry.actor(),
                entry.exchange() == null ? null : toRecordView(entry.exchange(), entry.exchangeId()));
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

    default String kind(Kind kind) {
        return kind == null ? null : kind.wireName();
    }
}
