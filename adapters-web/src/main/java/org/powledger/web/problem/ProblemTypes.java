package org.powledger.web.problem;

/** The {@code type} URIs of the problems the API answers with: stable, for clients to switch on. */
public final class ProblemTypes {

    private static final String PREFIX = "urn:powledger:problem:";

    public static final String MALFORMED_JSON = PREFIX + "malformed-json";
    public static final String INVALID_RECORD = PREFIX + "invalid-record";
    public static final String INVALID_IMPORT = PREFIX + "invalid-import";
    public static final String INVALID_PARAMETER = PREFIX + "invalid-parameter";
    public static final String INVALID_HEADER = PREFIX + "invalid-header";
    public static final String UNAUTHENTICATED = PREFIX + "unauthenticated";
    public static final String FORBIDDEN = PREFIX + "forbidden";
    public static final String NOT_FOUND = PREFIX + "not-found";
    public static final String METHOD_NOT_ALLOWED = PREFIX + "method-not-allowed";
    public static final String CONFLICT = PREFIX + "conflict";
    public static final String STALE_VERSION = PREFIX + "stale-version";
    public static final String BODY_TOO_LARGE = PREFIX + "body-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = PREFIX + "unsupported-media-type";
    public static final String VERSION_REQUIRED = PREFIX + "version-required";
    public static final String UNAVAILABLE = PREFIX + "unavailable";
    public static final String INTERNAL = PREFIX + "internal";
    public static final String HTTP = PREFIX + "http";

    private ProblemTypes() {
    }
}
