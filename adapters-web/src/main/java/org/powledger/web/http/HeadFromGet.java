package org.powledger.web.http;

import io.javalin.http.ExceptionHandler;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.security.RouteRole;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsExceptionHandler;
import io.javalin.websocket.WsHandlerType;
import java.util.function.Consumer;

/**
 * The routes as registered, with every {@code GET} also answering {@code HEAD} through the same
 * handler: status, {@code ETag}, authentication and problems are the GET's, and Jetty drops the body
 * of an answer to HEAD. (Left to itself, Javalin answers HEAD on a GET path with 200 without running
 * the handler: 200 for an id that does not exist.)
 */
public final class HeadFromGet implements JavalinDefaultRoutingApi {

    private final JavalinDefaultRoutingApi routes;

    public HeadFromGet(JavalinDefaultRoutingApi routes) {
        this.routes = routes;
    }

    @Override
    public JavalinDefaultRoutingApi addEndpoint(Endpoint endpoint) {
        routes.addEndpoint(endpoint);
        if (endpoint.method.equals(HandlerType.GET)) {
            routes.addEndpoint(new Endpoint(HandlerType.HEAD, endpoint.path, endpoint.handler));
        }
        return this;
    }

    @Override
    public <E extends Exception> JavalinDefaultRoutingApi exception(Class<E> type, ExceptionHandler<? super E> handler) {
        routes.exception(type, handler);
        return this;
    }

    @Override
    public JavalinDefaultRoutingApi error(int status, String contentType, Handler handler) {
        routes.error(status, contentType, handler);
        return this;
    }

    @Override
    public <E extends Exception> JavalinDefaultRoutingApi wsException(Class<E> type,
                                                                      WsExceptionHandler<? super E> handler) {
        routes.wsException(type, handler);
        return this;
    }

    @Override
    public JavalinDefaultRoutingApi addWsHandler(WsHandlerType type, String path, Consumer<WsConfig> config,
                                                 RouteRole... roles) {
        routes.addWsHandler(type, path, config, roles);
        return this;
    }
}
