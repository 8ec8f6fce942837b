package org.powledger.web;

import java.util.List;
import org.powledger.web.metrics.HttpMetrics;

/**
 * How the HTTP API behaves beyond its ports: whether reads need a token
 * ({@code --require-read-token}), the server version {@code /health} reports, the largest body
 * {@code POST /api/v1/import} streams (512 MiB unless told otherwise), and the metrics requests are
 * timed into and {@code GET /metrics} serves ({@code null}: no metrics, no {@code /metrics}), the host
 * names served besides loopback ones ({@code --allowed-host}) and the origins allowed to call the API
 * from a browser ({@code --cors-origin}; none: cross-origin use is off).
 */
public record WebSettings(boolean requireReadToken, String version, long maxImportBytes, HttpMetrics metrics,
                          List<String> allowedHosts, List<String> corsOrigins) {

    public static final long DEFAULT_MAX_IMPORT_BYTES = 512L * 1024L * 1024L;

    public WebSettings {
        if (maxImportBytes < 1) {
            throw new IllegalArgumentException("maxImportBytes must be positive");
        }
        allowedHosts = List.copyOf(allowedHosts);
        corsOrigins = List.copyOf(corsOrigins);
    }

    public WebSettings(boolean requireReadToken, String version, long maxImportBytes) {
        this(requireReadToken, version, maxImportBytes, null, List.of(), List.of());
    }

    public WebSettings(boolean requireReadToken, String version) {
        this(requireReadToken, version, DEFAULT_MAX_IMPORT_BYTES);
    }

    public static WebSettings defaults(String version) {
        return new WebSettings(false, version);
    }

    /** These settings, with requests timed into {@code metrics} and {@code GET /metrics} served. */
    public WebSettings withMetrics(HttpMetrics metrics) {
        return new WebSettings(requireReadToken, version, maxImportBytes, metrics, allowedHosts, corsOrigins);
    }

    /** These settings, serving also the host names {@code hosts} ({@code --allowed-host}). */
    public WebSettings withAllowedHosts(List<String> hosts) {
        return new WebSettings(requireReadToken, version, maxImportBytes, metrics, hosts, corsOrigins);
    }

    /** These settings, letting web apps on {@code origins} call the API ({@code --cors-origin}). */
    public WebSettings withCorsOrigins(List<String> origins) {
        return new WebSettings(requireReadToken, version, maxImportBytes, metrics, allowedHosts, origins);
    }
}
