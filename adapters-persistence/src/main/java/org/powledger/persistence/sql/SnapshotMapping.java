package org.powledger.persistence.sql;

import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;
import org.powledger.domain.model.BreakdownLine;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.Source;

/** Exchanges to their snapshot form and back. */
@Mapper
interface SnapshotMapping extends Conversions {

    SnapshotMapping SNAPSHOTS = Mappers.getMapper(SnapshotMapping.class);

    ExchangeJson toJson(Exchange exchange);

    Exchange toExchange(ExchangeJson json);

    ExchangeJson.Line toJson(BreakdownLine line);

    BreakdownLine toLine(ExchangeJson.Line line);

    ExchangeJson.Link toJson(Source source);

    Source toSource(ExchangeJson.Link link);
}
