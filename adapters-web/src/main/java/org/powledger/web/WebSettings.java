package org.powledger.web;

/**
 * How the HTTP API behaves beyond its ports: whether reads need a token
 * ({@code --require-read-token}), the server version {@code /health} reports, and the largest body
 * {@code POST /api/v1/import} streams (512 MiB unless told otherwise).
 */
public record WebSettings(boolean requireReadToken, String version, long maxImportBytes) {

    public static final long DEFAULT_MAX_IMPORT_BYTES = 512L * 1024L * 1024L;

    public WebSettings {
        if (maxImportBytes < 1) {
            throw new IllegalArgumentException("maxImportBytes must be positive");
        }
    }

    public WebSettings(boolean requireReadToken, String version) {
        this(requireReadToken, version, DEFAULT_MAX_IMPORT_BYTES);
    }

    public static WebSettings defaults(String version) {
        return new WebSettings(false, version);
    }
}
