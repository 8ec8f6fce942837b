package org.powledger.web;

/**
 * How the HTTP API behaves beyond its ports: whether reads need a token
 * ({@code --require-read-token}), and the server version {@code /health} reports.
 */
public record WebSettings(boolean requireReadToken, String version) {

    public static WebSettings defaults(String version) {
        return new WebSettings(false, version);
    }
}
