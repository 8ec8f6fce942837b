package org.powledger.web.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.powledger.web.problem.HttpProblem;
import org.powledger.web.problem.ProblemTypes;

/**
 * Which {@code Host} names the server answers. On a loopback address only loopback names and those
 * given with {@code --allowed-host} are served, so that a web page whose name was rebound to
 * 127.0.0.1 (DNS rebinding) cannot read the ledger through the operator's browser; on any other
 * address every name is served unless {@code --allowed-host} names some. Loopback names are always
 * served: no rebinding page can send them. Others get 421.
 */
public final class HostNames {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> allowed = new LinkedHashSet<>();
    private volatile boolean guarding;

    /** {@code allowed}: host names as given with {@code --allowed-host}, with or without a port. */
    public HostNames(List<String> allowed) {
        allowed.stream().map(HostNames::name).filter(name -> !name.isEmpty()).forEach(this.allowed::add);
    }

    /** Called once the listening address is known: decides whether names are checked at all. */
    public void listeningOn(String address) {
        guarding = !allowed.isEmpty() || isLoopback(address);
    }

    /** Before any handler: 421 for a name this server does not answer to. */
    public void check(Context ctx) {
        if (!guarding) {
            return;
        }
        String host = ctx.header("Host");
        String name = host == null ? "" : name(host);
        if (!LOOPBACK.contains(name) && !allowed.contains(name)) {
            throw HttpProblem.of(421, ProblemTypes.MISDIRECTED_REQUEST, "Misdirected Request",
                    "This server does not answer to the host name '" + (host == null ? "" : host.strip())
                            + "'; start it with --allowed-host NAME to serve it");
        }
    }

    /** The name of a {@code Host} value: lower case, without its port ({@code [::1]:8080} gives {@code [::1]}). */
    static String name(String host) {
        String value = host.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    private static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
