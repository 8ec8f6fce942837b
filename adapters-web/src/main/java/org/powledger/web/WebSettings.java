package org.powledger.web;

import org.powledger.web.metrics.HttpMetrics;

/**
 * How the HTTP API behaves beyond its ports: whether reads need a token
 * ({@code --require-read-token}), the server version {@code /health} reports, the largest body
 * {@code POST /api/v1/import} streams (512 MiB unless told otherwise), and the metrics requests are
 * timed into and {@code GET /metrics} serves ({@code null}: no metrics, no {@code /metrics}).
 */
public record WebSettings(boolean requireReadToken, String version, long maxImportBytes, HttpMetrics metrics) {

    public static final long DEFAULT_MAX_IMPORT_BYTES = 512L * 1024L * 1024L;

    public WebSettings {
        if (maxImportBytes < 1) {
            throw new IllegalArgumentException("maxImportBytes must be positive");
        }
    }

    public WebSettings(boolean requireReadToken, String version, long maxImportBytes) {
        this(requireReadToken, version, maxImportBytes, null);
    }

    public WebSettings(boolean requireReadToken, String version) {
        this(requireReadToken, version, DEFAULT_MAX_IMPORT_BYTES);
    }

    public static WebSettings defaults(String version) {
        return new WebSettings(false, version);
    }

    /** These settings, with requests timed into {@code metrics} and {@code GET /metrics} served. */
    public WebSettings withMetrics(HttpMetrics metrics) {
        return new WebSettings(requireReadToken, version, maxImportBytes, metrics);
    }
}
