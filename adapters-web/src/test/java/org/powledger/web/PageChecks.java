package org.powledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What every browser page's answers must show (the dashboard's, the editor's). */
public final class PageChecks {

    public static final Set<String> REQUIRED_POLICY = Set.of("default-src 'self'", "script-src 'self'",
            "style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "frame-ancestors 'none'");

    /** {@code src="..."} and {@code href="..."} in a page. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(?:src|href)\\s*=\\s*\"([^\"]*)\"");

    private PageChecks() {
    }

    /** A strict policy (only this server, nothing unsafe, no wildcard) and the other security headers. */
    public static void assertSecurityHeaders(ApiTest.Reply reply) {
        String policy = reply.header("Content-Security-Policy");
        assertThat(policy).as("Content-Security-Policy").isNotNull();
        assertThat(Arrays.stream(policy.split(";")).map(String::strip).collect(Collectors.toSet()))
                .containsAll(REQUIRED_POLICY)
                .noneMatch(directive -> directive.contains("unsafe") || directive.contains("*"));
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    /** Jetty writes {@code text/html;charset=utf-8}; the space is the only difference allowed. */
    public static String normalised(String contentType) {
        return contentType == null ? null : contentType.replace(";charset", "; charset").toLowerCase();
    }

    /** Every {@code src} and {@code href} of a page, in order. */
    public static List<String> references(String html) {
        List<String> found = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(html);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
