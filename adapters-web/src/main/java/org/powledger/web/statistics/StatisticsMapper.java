package org.powledger.web.statistics;

import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.Metric;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportScope;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.statistics.CohortFigures;
import org.powledger.domain.statistics.CohortUnitFigures;
import org.powledger.domain.statistics.FirstReturn;
import org.powledger.domain.statistics.LargestExchange;
import org.powledger.domain.statistics.PeriodPoint;
import org.powledger.domain.statistics.ReconciliationItem;
import org.powledger.domain.statistics.ReconciliationStatus;
import org.powledger.domain.statistics.ReportedFigure;
import org.powledger.domain.statistics.Summary;
import org.powledger.domain.statistics.UnitFigures;
import org.powledger.domain.statistics.YearChange;
import org.powledger.domain.statistics.YearFigures;

/** The statistics' result records as the API writes them: typed ids as plain strings, enums by wire name. */
@Mapper
interface StatisticsMapper {

    StatisticsMapper INSTANCE = Mappers.getMapper(StatisticsMapper.class);

    SummaryView toView(Summary summary);

    SummaryView.LargestView toView(LargestExchange largest);

    YearView toView(YearFigures year);

    YearView.ChangeView toView(YearChange change);

    PeriodView toView(PeriodPoint point);

    UnitFiguresView toView(UnitFigures unit);

    CohortFiguresView toView(CohortFigures cohort);

    CohortFiguresView.ReportedView toView(ReportedFigure reported);

    CohortFiguresView.ByUnitView toView(CohortUnitFigures unit);

    FirstReturnView toView(FirstReturn firstReturn);

    ReconciliationView toView(ReconciliationItem item);

    ReconciliationView.ScopeView toView(ReportScope scope);

    default String unitId(UnitId id) {
        return id == null ? null : id.value();
    }

    default String cohortId(CohortId id) {
        return id == null ? null : id.value();
    }

    default String exchangeId(ExchangeId id) {
        return id == null ? null : id.value();
    }

    default String reportId(ReportId id) {
        return id == null ? null : id.value();
    }

    default String metric(Metric metric) {
        return metric == null ? null : metric.wireName();
    }

    default String status(ReconciliationStatus status) {
        return status == null ? null : status.wireName();
    }
}
