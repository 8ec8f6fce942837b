package org.powledger.web.statistics;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.powledger.domain.model.InvalidQuery;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.port.in.ReadingStatistics;
import org.powledger.domain.statistics.FirstReturn;
import org.powledger.domain.statistics.Interval;
import org.powledger.web.csv.CsvLayout;
import org.powledger.web.http.QueryParams;
import org.powledger.web.http.Representations;
import org.powledger.web.http.Representations.Format;

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
        sendObject(ctx, request.format(), statistics.summary(request.from(), request.to()), mapper::toView,
                SUMMARY_CSV);
    }

    private void yearly(Context ctx) {
        Request request = request(ctx, WINDOW_PARAMS);
        sendRows(ctx, request.format(), "years", statistics.yearly(request.from(), request.to()), mapper::toView,
                YEARLY_CSV);
    }

    /**
     * Sends a list answer's items as {@code view}s under {@code field} (or as CSV rows), written out
     * afresh only when this answer (the same object: the statistics hand out one per revision and
     * question) was not sent before.
     */
    private <T> void sendRows(Context ctx, Format format, String field, List<T> answer, Function<T, ?> view,
                              CsvLayout layout) {
        answers.send(ctx, rendered.of(answer, format, layout,
                () -> answers.renderRows(format, field, answer.stream().map(view).toList(), layout)));
    }

    /** {@link #sendRows} for an answer that is one object. */
    private <T> void sendObject(Context ctx, Format format, T answer, Function<T, ?> view, CsvLayout layout) {
        answers.send(ctx, rendered.of(answer, format, layout,
                () -> answers.renderObject(format, view.apply(answer), layout)));
    }

    private void periods(Context ctx) {
        Request request = request(ctx, PERIOD_PARAMS);
        Interval interval = Interval.fromParameter(strictValue(ctx, "interval"));
        boolean cumulative = cumulative(strictValue(ctx, "cumulative"));
        sendRows(ctx, request.format(), "points",
                statistics.periods(request.from(), request.to(), interval.wireName(), cumulative), mapper::toView,
                PERIODS_CSV);
    }

    private void units(Context ctx) {
        Request request = request(ctx, WINDOW_PARAMS);
        sendRows(ctx, request.format(), "items", statistics.units(request.from(), request.to()), mapper::toView,
                UNITS_CSV);
    }

    private void cohort(Context ctx) {
        Request request = request(ctx, WINDOW_PARAMS);
        sendObject(ctx, request.format(), statistics.cohort(ctx.pathParam("id"), request.from(), request.to()),
                mapper::toView, COHORT_CSV);
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
        sendRows(ctx, request.format(), "items", statistics.reconciliation(request.from(), request.to()),
                mapper::toView, RECONCILIATION_CSV);
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
