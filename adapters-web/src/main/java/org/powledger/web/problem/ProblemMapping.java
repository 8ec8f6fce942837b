package org.powledger.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.InvalidQuery;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.StaleVersion;
import org.powledger.domain.model.StoreUnavailable;
import org.powledger.domain.model.VersionRequired;
import org.powledger.domain.port.in.ImportRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: every error the API gives is an RFC 9457
 * {@code application/problem+json} document with {@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance} and, for validation problems, {@code errors}.
 */
public final class ProblemMapping {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapping.class);

    private final ObjectMapper mapper;

    public ProblemMapping(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void install(JavalinDefaultRoutingApi app) {
        app.exception(HttpProblem.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            write(ctx, e.status(), e.type(), e.title(), e.detail(), e.errors(), Map.of());
        });
        app.exception(InvalidRecord.class, (e, ctx) -> write(ctx, 422, ProblemTypes.INVALID_RECORD,
                "The record is not valid", describe(e.violations().size()), errorsOf(e.violations()), Map.of()));
        app.exception(InvalidQuery.class, (e, ctx) -> write(ctx, 400, ProblemTypes.INVALID_PARAMETER,
                "Bad Request", e.getMessage(), errorsOf(e.violations()), Map.of()));
        app.exception(NotFound.class, (e, ctx) -> write(ctx, 404, ProblemTypes.NOT_FOUND,
                "Not Found", e.getMessage(), List.of(), Map.of()));
        app.exception(Conflict.class, (e, ctx) -> {
            Map<String, Object> extra = new LinkedHashMap<>();
            if (e.existingId() != null) {
                extra.put("existingId", e.existingId());
            }
            write(ctx, 409, ProblemTypes.CONFLICT, "Conflict", e.getMessage(), List.of(), extra);
        });
        app.exception(StaleVersion.class, (e, ctx) -> write(ctx, 412, ProblemTypes.STALE_VERSION,
                "Precondition Failed", e.getMessage(), List.of(), Map.of("currentVersion", e.currentVersion())));
        app.exception(VersionRequired.class, (e, ctx) -> write(ctx, 428, ProblemTypes.VERSION_REQUIRED,
                "Precondition Required", e.getMessage(), List.of(), Map.of()));
        app.exception(ImportRejected.class, (e, ctx) -> write(ctx, 422, ProblemTypes.INVALID_IMPORT,
                "The import is not valid", "Nothing was imported: " + (e.truncated()
                        ? "more than " + e.problems().size() + " problems, the first " + e.problems().size() + " listed"
                        : e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")) + "; see errors",
                e.problems().stream().map(p -> ProblemError.atLine(p.line(), p.pointer(), p.message())).toList(),
                Map.of("truncated", e.truncated())));
        app.exception(StoreUnavailable.class, (e, ctx) -> {
            ctx.header("Retry-After", String.valueOf(StoreUnavailable.RETRY_AFTER_SECONDS));
            write(ctx, 503, ProblemTypes.UNAVAILABLE, "Service Unavailable", e.getMessage(), List.of(), Map.of());
        });
        app.exception(HttpResponseException.class, this::javalinResponse);
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure answering {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, ProblemTypes.INTERNAL, "Internal Server Error",
                    "The server failed to answer this request; the failure has been logged.", List.of(), Map.of());
        });
    }

    /** Javalin's own refusals: no route (404), wrong method (405), body over the limit (413), ... */
    private void javalinResponse(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        switch (status) {
            case 404 -> write(ctx, 404, ProblemTypes.NOT_FOUND, "Not Found",
                    "Nothing is served at " + ctx.method() + " " + ctx.path(), List.of(), Map.of());
            case 405 -> {
                String allowed = allowedMethods(e);
                if (!allowed.isEmpty()) {
                    ctx.header("Allow", allowed);
                }
                write(ctx, 405, ProblemTypes.METHOD_NOT_ALLOWED, "Method Not Allowed",
                        ctx.method() + " is not allowed on " + ctx.path()
                                + (allowed.isEmpty() ? "" : "; allowed: " + allowed), List.of(), Map.of());
            }
            case 413 -> write(ctx, 413, ProblemTypes.BODY_TOO_LARGE, "Content Too Large",
                    "The request body is larger than the server accepts", List.of(), Map.of());
            default -> {
                String title = HttpStatus.forStatus(status).getMessage();
                write(ctx, status, ProblemTypes.HTTP, title.isEmpty() ? "Error" : title,
                        e.getMessage() == null || e.getMessage().isBlank() ? title : e.getMessage(),
                        List.of(), Map.of());
            }
        }
    }

    /** Javalin names the methods a path has in the details of its 405, as {@code [GET, PUT]}. */
    private static String allowedMethods(HttpResponseException e) {
        String listed = e.getDetails().getOrDefault("availableMethods", "");
        return listed.replace("[", "").replace("]", "").strip();
    }

    private void write(Context ctx, int status, String type, String title, String detail, List<ProblemError> errors,
                       Map<String, Object> extra) {
        ctx.status(status).contentType(PROBLEM_JSON)
                .result(json(mapper, status, type, title, detail, ctx.path(), errors, extra));
    }

    /** The problem document itself, also written by {@link JettyProblems} outside Javalin. */
    static String json(ObjectMapper mapper, int status, String type, String title, String detail, String instance,
                       List<ProblemError> errors, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail == null ? title : detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        body.putAll(extra);
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException impossible) {
            return "{\"type\":\"" + type + "\",\"title\":\"" + status + "\",\"status\":" + status + "}";
        }
    }

    private static List<ProblemError> errorsOf(List<org.powledger.domain.model.Violation> violations) {
        return violations.stream().map(ProblemError::of).toList();
    }

    private static String describe(int count) {
        return count == 1 ? "The request has 1 problem; see errors" : "The request has " + count + " problems; see errors";
    }
}
