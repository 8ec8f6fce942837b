package org.powledger.web.http;

import io.javalin.http.Context;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.powledger.web.problem.HttpProblem;
import org.powledger.web.problem.ProblemError;
import org.powledger.web.problem.ProblemTypes;

import java.util.List;

/**
 * Versions on the wire: {@code ETag: "VERSION"} on every single-object answer, {@code If-None-Match}
 * for 304, and {@code If-Match} ({@code "3"}, {@code 3} or {@code W/"3"}) read for the use case,
 * which decides between 428 (missing) and 412 (stale).
 */
public final class Versions {

    private static final Pattern TAG = Pattern.compile("^(?:W/)?\"?([0-9]{1,9})\"?$");

    private Versions() {
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version {@code If-Match} names, or null when the header is absent. */
    public static Integer ifMatch(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null) {
            return null;
        }
        Integer version = parse(header.strip());
        if (version == null) {
            throw HttpProblem.badRequest(ProblemTypes.INVALID_HEADER,
                    "If-Match must name one version, like \"3\"; got: " + header,
                    List.of(ProblemError.ofHeader("If-Match", "must name one version, like \"3\"")));
        }
        return version;
    }

    /** Whether {@code If-None-Match} names the current version (or {@code *}): then the answer is 304. */
    public static boolean notModified(Context ctx, int version) {
        String header = ctx.header("If-None-Match");
        if (header == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            Integer named = parse(tag);
            if (named != null && named == version) {
                return true;
            }
        }
        return false;
    }

    private static Integer parse(String tag) {
        Matcher m = TAG.matcher(tag);
        if (!m.matches()) {
            return null;
        }
        boolean quotedStart = tag.startsWith("\"") || tag.startsWith("W/\"");
        boolean quotedEnd = tag.endsWith("\"");
        if (quotedStart != quotedEnd || tag.startsWith("W/") && !quotedStart) {
            return null;
        }
        return Integer.parseInt(m.group(1));
    }
}
