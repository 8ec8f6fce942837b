import io.javalin.Javalin;
import java.util.Map;

/**
 * The floor for start-up, footprint and throughput: a bare Javalin server (the Javalin of the
 * powledger jar, on the same JVM and flags) answering one JSON route. Not part of the shipped jar:
 * bench/run.sh compiles it against that jar.
 */
public final class BareJavalin {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Javalin.create(config -> config.routes.get("/health", ctx -> ctx.json(Map.of("status", "up"))))
                .start("127.0.0.1", port);
    }
}
