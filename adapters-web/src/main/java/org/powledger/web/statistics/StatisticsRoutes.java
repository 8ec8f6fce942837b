package org.powledger.web.statistics;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.powledger.domain.model.InvalidQuery;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.port.in.ReadingStatistics;
import org.powledger.domain.statistics.CohortFigures;
import org.powledger.domain.statistics.FirstReturn;
import org.powledger.domain.statistics.Interval;
import org.powledger.domain.statistics.PeriodPoint;
import org.powledger.domain.statistics.ReconciliationItem;
import org.powledger.domain.statistics.Summary;
import org.powledger.domain.statistics.UnitFigures;
import org.powledger.domain.statistics.YearFigures;
import org.powledger.web.csv.CsvLayout;
import org.powledger.web.http.QueryParams;
import org.powledger.web.http.Representations;
import org.powledger.web.http.Representations.Format;
import org.powledger.web.http.Representations.Rendered;

/**
 * The statistics: {@code GET /api/v1/stats/summary}, {@code /yearly}, {@code /periods}, {@code /units},
 * {@code /cohorts/{id}}, {@code /first-returns}, {@code /reconciliation}, and
 * {@code GET /api/v1/exchanges/{id}/first-time-units}. Each answers JSON, or CSV when asked (see the
 * package description for the columns).
 */
public final class StatisticsRoutes {

    static final String PATH = "/api/v1/stats";
    static final String FIRST_TIME_UNITS = "/api/v1/exchanges/{id}/first-time-units";

    static final CsvLayout SUMMARY_CSV = CsvLayout.of("exchanges", "repatriations", "peopleReturned",
            "peopleHandedOver", "civiliansReturned", "bodiesReturned", "firstExchangeOn", "lastExchangeOn",
            "largestExchange.id", "largestExchange.date", "largestExchange.returned");
    static final CsvLayout YEARLY_CSV = CsvLayout.of("year", "exchanges", "repatriations", "peopleReturned",
            "peopleHandedOver", "civiliansReturned", "bodiesReturned", "change.peopleReturned", "change.percent");
    static final CsvLayout PERIODS_CSV = CsvLayout.of("period", "exchanges", "peopleReturned", "bodiesReturned");
    static final CsvLayout UNITS_CSV = CsvLayout.of("unit", "name", "parent", "returned", "returnedWithSubunits",
            "exchanges", "firstReturnedOn", "lastReturnedOn");
    static final CsvLayout COHORT_CSV = CsvLayout.of("cohort", "name", "size", "sizeApproximate", "recorded",
            "reported.value", "reported.asOf", "reported.reportId", "shareReturned", "remaining", "byUnit.unit",
            "byUnit.recorded", "byUnit.reported.value", "byUnit.reported.asOf", "byUnit.reported.reportId");
    static final CsvLayout FIRST_RETURNS_CSV = CsvLayout.of("exchange", "date", "units", "count");
    static final CsvLayout RECONCILIATION_CSV = CsvLayout.of("report", "scope.year", "scope.cohort", "scope.unit",
            "scope.exchange", "metric", "reported", "recorded", "difference", "status");

    private static final Set<String> WINDOW_PARAMS = Set.of("from", "to", "format");
    private static final Set<String> FIRST_RETURNS_PARAMS = Set.of("from", "to", "format", "limit", "cursor");
    private static final Set<String> PERIOD_PARAMS = Set.of("from", "to", "interval", "cumulative", "format");

    private final ReadingStatistics statistics;
    private final Representations answers;
    private final StatisticsMapper mapper = StatisticsMapper.INSTANCE;
    private final RenderedAnswers rendered = new RenderedAnswers();

    public StatisticsRoutes(ReadingStatistics statistics, Representations answers) {
        this.statistics = statistics;
        this.answers = answers;
    }

    public void register(JavalinDefaultRoutingApi app) {
        app.get(PATH + "/summary", this::summary);
        app.get(PATH + "/yearly", this::yearly);
        app.get(PATH + "/periods", this::periods);
        app.get(PATH + "/units", this::units);
        app.get(PATH + "/cohorts/{id}", this::cohort);
        app.get(PATH + "/first-returns", this::firstReturns);
        app.get(PATH + "/reconciliation", this::reconciliation);
        app.get(FIRST_TIME_UNITS, this::firstTimeUnits);
    }

    private void summary(Context ctx) {
        Request request = request(ctx, WINDOW_PARAMS);
        Summary summary = statistics.summary(request.from(), request.to());
        send(ctx, summary, request.format(), SUMMARY_CSV,
                () -> answers.renderObject(request.format(), mapper.toView(summary), SUMMARY_CSV));
    }

    private void yearly(Context ctx) {
        Request request = request(ctx, WINDOW_PARAMS);
        List<YearFigures> years = statistics.yearly(request.from(), request.to());
        send(ctx, years, request.format(), YEARLY_CSV, () -> answers.renderRows(request.format(), "years",
                years.stream().map(mapper::toView).toList(), YEARLY_CSV));
    }

    /**
     * Sends {@code answer} as {@code render} writes it out, or as it was written out when the same answer
     * (the same object: the statistics hand out one per revision and question) was sent before.
     */
    private void send(Context ctx, Object answer, Format format, CsvLayout layout, Supplier<Rendered> render) {
        answers.send(ctx, rendered.of(answer, format, layout, render));
    }

    private void periods(Context ctx) {
        Request request = request(ctx, PERIOD_PARAMS);
        Interval interval = Interval.fromParameter(strictValue(ctx, "interval"));
        boolean cumulative = cumulative(strictValue(ctx, "cumulative"));
        List<PeriodPoint> points = statistics.periods(request.from(), request.to(), interval.wireName(), cumulative);
        send(ctx, points, request.format(), PERIODS_CSV, () -> answers.renderRows(request.format(), "points",
                points.stream().map(mapper::toView).toList(), PERIODS_CSV));
    }

    private void units(Context ctx) {
        Request request = request(ctx, WINDOW_PARAMS);
        List<UnitFigures> units = statistics.units(request.from(), request.to());
        send(ctx, units, request.format(), UNITS_CSV, () -> answers.renderRows(request.format(), "items",
                units.stream().map(mapper::toView).toList(), UNITS_CSV));
    }

    private void cohort(Context ctx) {
        Request request = request(ctx, WINDOW_PARAMS);
        CohortFigures cohort = statistics.cohort(ctx.pathParam("id"), request.from(), request.to());
        send(ctx, cohort, request.format(), COHORT_CSV,
                () -> answers.renderObject(request.format(), mapper.toView(cohort), COHORT_CSV));
    }

    /**
     * With {@code limit} or {@code cursor}: one page, as the resource lists are paged ({@code nextCursor},
     * {@code Link: rel="next"}). Without them: every item, streamed as the walk over the ledger finds it.
     */
    private void firstReturns(Context ctx) {
        Request request = request(ctx, FIRST_RETURNS_PARAMS);
        if (ctx.queryParam("limit") != null || ctx.queryParam("cursor") != null) {
            PageRequest page = QueryParams.of(ctx, FIRST_RETURNS_PARAMS).page();
            Page<FirstReturn> found = statistics.firstReturns(request.from(), request.to(), page);
            answers.list(ctx, request.format(), found.items().stream().map(mapper::toView).toList(),
                    found.nextCursor(), FIRST_RETURNS_CSV);
            return;
        }
        answers.stream(ctx, request.format(), FIRST_RETURNS_CSV, item -> statistics.eachFirstReturn(
                request.from(), request.to(), found -> item.accept(mapper.toView(found))));
    }

    private void reconciliation(Context ctx) {
        Request request = request(ctx, WINDOW_PARAMS);
        List<ReconciliationItem> items = statistics.reconciliation(request.from(), request.to());
        send(ctx, items, request.format(), RECONCILIATION_CSV, () -> answers.renderRows(request.format(), "items",
                items.stream().map(mapper::toView).toList(), RECONCILIATION_CSV));
    }

    /**
     * One exchange's first-time units. Like every statistic it accepts {@code from} / {@code to}, but they
     * change nothing: the path names the exchange, and "first time" always looks back over the whole ledger.
     */
    private void firstTimeUnits(Context ctx) {
        Request request = request(ctx, WINDOW_PARAMS);
        FirstReturnView item = mapper.toView(statistics.firstTimeUnits(ctx.pathParam("id")));
        answers.object(ctx, request.format(), item, FIRST_RETURNS_CSV);
    }

    /** Who may read, which parameters are known, the format and the window, all checked before any work. */
    private Request request(Context ctx, Set<String> known) {
        QueryParams params = QueryParams.of(ctx, known);
        Format format = answers.format(ctx, params);
        return new Request(format, params.date("from"), params.date("to"));
    }

    /** A parameter that takes one of a few words: absent gives null, blank is a value (and so a 400). */
    private static String strictValue(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? null : value.strip();
    }

    private static boolean cumulative(String value) {
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidQuery("cumulative", "must be true or false");
        };
    }

    private record Request(Format format, LocalDate from, LocalDate to) {
    }
}
