package org.powledger.web.access;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Optional;
import org.powledger.domain.model.AccessScope;
import org.powledger.domain.model.Actor;
import org.powledger.domain.port.in.Authenticating;
import org.powledger.web.problem.HttpProblem;
import org.powledger.web.problem.ProblemTypes;

/**
 * Who is asking, from {@code Authorization: Bearer TOKEN}. Writes need a token with scope
 * {@code write} or {@code admin}; reads are open unless the server requires a read token. A token
 * that is sent must be valid even where none is needed: a client should hear that its token is wrong.
 * {@link #admit} is the one door, run before every handler whatever the method (GET, HEAD, writes and
 * methods no route has); handlers only ask {@link #actor} who came in.
 */
public final class BearerAccess {

    private static final String REALM = "Bearer realm=\"powledger\"";
    private static final String ACTOR = BearerAccess.class.getName() + ".actor";
    private static final String API = "/api/v1/";
    private static final String OPENAPI = "/api/v1/openapi.json";
    private static final String METRICS = "/metrics";
    private static final String TOKEN_NAME = BearerAccess.class.getName() + ".tokenName";
    /** What the access log says of a token the server does not know (never the token itself). */
    public static final String UNKNOWN_TOKEN = "(unknown)";
    /** What the access log says where no token was sent, or none was looked at. */
    public static final String NO_TOKEN = "-";

    private final Authenticating authenticating;
    private final boolean requireReadToken;

    public BearerAccess(Authenticating authenticating, boolean requireReadToken) {
        this.authenticating = authenticating;
        this.requireReadToken = requireReadToken;
    }

    /**
     * Before any handler: under {@code /api/v1} (its OpenAPI document aside) and on {@code /metrics},
     * GET and HEAD are reads, every other method but OPTIONS (a CORS preflight carries no token) a write.
     */
    public void admit(Context ctx) {
        String path = ctx.path();
        boolean guarded = (path.startsWith(API) && !path.startsWith(OPENAPI)) || path.startsWith(METRICS);
        if (!guarded || ctx.method().equals(HandlerType.OPTIONS)) {
            return;
        }
        boolean read = ctx.method().equals(HandlerType.GET) || ctx.method().equals(HandlerType.HEAD);
        ctx.attribute(ACTOR, read ? reader(ctx) : writer(ctx));
    }

    /** Who was admitted to this request: anonymous for an open read. */
    public Actor actor(Context ctx) {
        Actor actor = ctx.attribute(ACTOR);
        if (actor == null) {
            throw new IllegalStateException("No actor for " + ctx.method() + " " + ctx.path()
                    + ": the route lies outside what admit() guards");
        }
        return actor;
    }

    /** The actor of a read: anonymous when reads are open and no token is sent. */
    private Actor reader(Context ctx) {
        Optional<String> token = bearerToken(ctx);
        if (token.isEmpty()) {
            if (requireReadToken) {
                throw unauthenticated("This server requires a token for reads: send Authorization: Bearer TOKEN",
                        REALM);
            }
            return Actor.ANONYMOUS;
        }
        return require(authenticate(ctx, token.get()), AccessScope.READ);
    }

    /** The actor of a write: a token with scope {@code write} or {@code admin}. */
    private Actor writer(Context ctx) {
        String token = bearerToken(ctx).orElseThrow(() -> unauthenticated(
                "Writing needs a token: send Authorization: Bearer TOKEN", REALM));
        return require(authenticate(ctx, token), AccessScope.WRITE);
    }

    /**
     * The name of the token this request was checked with, for the access log: {@value #NO_TOKEN} where
     * none was sent or the route looked at none, {@value #UNKNOWN_TOKEN} for one the server does not know.
     */
    public static String tokenName(Context ctx) {
        String name = ctx.attribute(TOKEN_NAME);
        return name == null ? NO_TOKEN : name;
    }

    private Actor authenticate(Context ctx, String token) {
        Optional<Actor> actor = authenticating.authenticate(token);
        ctx.attribute(TOKEN_NAME, actor.map(Actor::name).orElse(UNKNOWN_TOKEN));
        return actor.orElseThrow(() -> unauthenticated(
                "The token is unknown or has been revoked", REALM + ", error=\"invalid_token\""));
    }

    private static Actor require(Actor actor, AccessScope needed) {
        if (!actor.may(needed)) {
            throw HttpProblem.of(403, ProblemTypes.FORBIDDEN, "Forbidden",
                            "The token '" + actor.name() + "' lacks the scope " + needed.wireName()
                                    + (needed == AccessScope.WRITE ? " (write or admin)" : ""))
                    .withHeader("WWW-Authenticate", REALM + ", error=\"insufficient_scope\", scope=\""
                            + needed.wireName() + "\"");
        }
        return actor;
    }

    private static Optional<String> bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String trimmed = header.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).equalsIgnoreCase("Bearer")) {
            throw unauthenticated("The Authorization header must be 'Bearer TOKEN'", REALM
                    + ", error=\"invalid_request\"");
        }
        String token = trimmed.substring(space + 1).strip();
        if (token.isEmpty() || token.contains(" ")) {
            throw unauthenticated("The Authorization header must be 'Bearer TOKEN'", REALM
                    + ", error=\"invalid_request\"");
        }
        return Optional.of(token);
    }

    private static HttpProblem unauthenticated(String detail, String challenge) {
        return HttpProblem.of(401, ProblemTypes.UNAUTHENTICATED, "Unauthorized", detail)
                .withHeader("WWW-Authenticate", challenge);
    }
}
