package org.powledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Objects;
import org.powledger.domain.port.in.Authenticating;
import org.powledger.domain.port.in.CheckingHealth;
import org.powledger.domain.port.in.KeepingCohorts;
import org.powledger.domain.port.in.KeepingReports;
import org.powledger.domain.port.in.KeepingUnits;
import org.powledger.domain.port.in.ReadingStatistics;
import org.powledger.domain.port.in.RecordingExchanges;
import org.powledger.domain.port.in.TransferringLedger;
import org.powledger.web.access.BearerAccess;
import org.powledger.web.cohort.CohortRoutes;
import org.powledger.web.dashboard.DashboardRoutes;
import org.powledger.web.editor.EditorRoutes;
import org.powledger.web.exchange.ExchangeRoutes;
import org.powledger.web.http.AnswerHeaders;
import org.powledger.web.correlation.CorrelationId;
import org.powledger.web.http.CrossOrigin;
import org.powledger.web.http.HostNames;
import org.powledger.web.http.HeadFromGet;
import org.powledger.web.http.AccessLog;
import org.powledger.web.http.Representations;
import org.powledger.web.http.RouteTemplate;
import org.powledger.web.i18n.LanguageRoutes;
import org.powledger.web.i18n.Languages;
import org.powledger.web.json.JsonBodies;
import org.powledger.web.json.JsonSupport;
import org.powledger.web.problem.JettyProblems;
import org.powledger.web.problem.ProblemMapping;
import org.powledger.web.report.ReportRoutes;
import org.powledger.web.statistics.StatisticsRoutes;
import org.powledger.web.transfer.TransferRoutes;
import org.powledger.web.unit.UnitRoutes;

/**
 * The HTTP API of the ledger, built from the use cases it drives:
 * <pre>{@code
 * HttpApi api = new HttpApi(exchanges, units, cohorts, reports, statistics, transfer, authenticating,
 *         health, new WebSettings(false, "0.1.0"));
 * api.start("127.0.0.1", 8080);
 * ...
 * api.stop();
 * }</pre>
 * {@link #app()} gives the Javalin application itself, for tests; Javalin 7 takes every route while
 * the application is configured, so all routes are registered here. {@code POST /api/v1/import} reads its body as a stream up to
 * {@link WebSettings#maxImportBytes()}; every other body is limited to 1 MiB.
 */
public final class HttpApi {

    private final Javalin app;
    private final ObjectMapper mapper;
    private final HostNames hostNames;

    public HttpApi(RecordingExchanges exchanges, KeepingUnits units, KeepingCohorts cohorts, KeepingReports reports,
                   ReadingStatistics statistics, TransferringLedger transfer, Authenticating authenticating,
                   CheckingHealth health, WebSettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.mapper = JsonSupport.newMapper();
        BearerAccess access = new BearerAccess(authenticating, settings.requireReadToken());
        AccessLog accessLog = new AccessLog();
        JsonBodies bodies = new JsonBodies(mapper);
        Representations answers = new Representations(mapper);
        this.hostNames = new HostNames(settings.allowedHosts());
        CrossOrigin crossOrigin = new CrossOrigin(settings.corsOrigins());
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.http.maxRequestSize = JsonBodies.MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.http.defaultContentType = "application/json";
            config.router.ignoreTrailingSlashes = true;
            config.router.handlerWrapper(ProblemMapping::unforeseen);
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems(mapper)));
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JettyProblems(mapper)));
            if (settings.metrics() != null) {
                settings.metrics().install(config);
            }
            JavalinDefaultRoutingApi routes = new HeadFromGet(config.routes);
            // the route template is known once a route matched
            config.routes.beforeMatched(RouteTemplate::remember);
            // Javalin has one request logger: it times the request, then writes its access-log line
            config.requestLogger.http((ctx, millis) -> {
                if (settings.metrics() != null) {
                    settings.metrics().record(ctx, millis);
                }
                accessLog.record(ctx, millis);
            });
            new ProblemMapping(mapper).install(routes);
            routes.before(CorrelationId::assign);
            routes.before(AnswerHeaders::before);
            routes.before(hostNames::check);
            routes.before(crossOrigin::handle);
            routes.before(access::admit);
            routes.after(AnswerHeaders::after);
            new HealthRoutes(health, settings.version()).register(routes);
            new OpenApiRoutes(mapper, settings.version()).register(routes);
            new UnitRoutes(units, access, bodies, answers).register(routes);
            new CohortRoutes(cohorts, access, bodies, answers).register(routes);
            new ExchangeRoutes(exchanges, access, bodies, answers).register(routes);
            new ReportRoutes(reports, access, bodies, answers).register(routes);
            new StatisticsRoutes(statistics, answers).register(routes);
            new TransferRoutes(transfer, access, answers, settings.maxImportBytes()).register(routes);
            Languages languages = Languages.load();
            new LanguageRoutes(languages).register(routes);
            new DashboardRoutes(languages).register(routes);
            new EditorRoutes(languages).register(routes);
        });
    }

    /** The Javalin application, not yet started. */
    public Javalin app() {
        return app;
    }

    /** The JSON configuration the API reads and writes with. */
    public ObjectMapper mapper() {
        return mapper;
    }

    public HttpApi start(String host, int port) {
        hostNames.listeningOn(host);
        app.start(host, port);
        return this;
    }

    /** The port the server listens on (useful after starting on port 0). */
    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }
}
