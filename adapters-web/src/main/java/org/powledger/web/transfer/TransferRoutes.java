package org.powledger.web.transfer;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.InvalidQuery;
import org.powledger.domain.port.in.ImportLine;
import org.powledger.domain.port.in.TransferringLedger;
import org.powledger.domain.port.in.TransferringLedger.ImportOutcome;
import org.powledger.web.access.BearerAccess;
import org.powledger.web.http.QueryParams;
import org.powledger.web.problem.HttpProblem;
import org.powledger.web.problem.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/import} (NDJSON or CSV, streamed from the request: never held in memory, at most
 * {@code maxImportBytes}) and {@code GET /api/v1/export} (the whole ledger as NDJSON, streamed).
 */
public final class TransferRoutes {

    static final String IMPORT = "/api/v1/import";
    static final String EXPORT = "/api/v1/export";
    private static final Logger LOG = LoggerFactory.getLogger(TransferRoutes.class);

    private final TransferringLedger transfer;
    private final BearerAccess access;
    private final long maxImportBytes;

    public TransferRoutes(TransferringLedger transfer, BearerAccess access, long maxImportBytes) {
        this.transfer = transfer;
        this.access = access;
        this.maxImportBytes = maxImportBytes;
    }

    public void register(JavalinDefaultRoutingApi app) {
        app.post(IMPORT, this::importLedger);
        app.get(EXPORT, this::exportLedger);
    }

    /** What an import answers: how many records it created, updated and found unchanged. */
    record ImportView(long created, long updated, long unchanged) {
    }

    private void importLedger(Context ctx) {
        Actor actor = access.writer(ctx);
        QueryParams params = QueryParams.of(ctx, Set.of("dryRun"));
        boolean dryRun = dryRun(params);
        boolean csv = isCsv(ctx.header("Content-Type"));
        if (ctx.req().getContentLengthLong() > maxImportBytes) {
            throw tooLarge();
        }
        ImportOutcome outcome;
        try (InputStream body = new BoundedInputStream(ctx.req().getInputStream(), maxImportBytes)) {
            Iterator<ImportLine> lines = csv ? LedgerFiles.csv(body) : LedgerFiles.ndjson(body);
            outcome = transfer.importLines(lines, dryRun, actor);
        } catch (IOException e) {
            throw unreadable(e);
        } catch (RuntimeException e) {
            // The body failed while the use case read it, perhaps wrapped by the store's transaction.
            if (e instanceof UncheckedIOException || causedBy(e, BoundedInputStream.TooLarge.class)) {
                throw unreadable(e);
            }
            throw e;
        }
        ctx.status(200).json(new ImportView(outcome.created(), outcome.updated(), outcome.unchanged()));
    }

    private void exportLedger(Context ctx) throws IOException {
        access.reader(ctx);
        QueryParams.of(ctx, Set.of());
        ctx.status(200).contentType(LedgerFiles.NDJSON_MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"powledger.ndjson\"");
        OutputStream out = ctx.outputStream();
        try {
            LedgerFiles.writeNdjson(transfer, out);
        } catch (IOException | RuntimeException e) {
            if (ctx.res().isCommitted()) {
                // Part of the ledger has gone out: all that is left is to cut the response short.
                LOG.error("The export failed after its response had started; the client gets a truncated file", e);
            } else {
                ctx.res().resetBuffer();
            }
            throw e;
        }
        out.flush();
    }

    private static boolean dryRun(QueryParams params) {
        return params.text("dryRun").map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidQuery("dryRun", "must be true or false");
        }).orElse(false);
    }

    /** NDJSON or CSV, in UTF-8; anything else is 415. */
    static boolean isCsv(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("The request has no Content-Type; send " + LedgerFiles.NDJSON_MEDIA_TYPE + " or "
                    + LedgerFiles.CSV_MEDIA_TYPE);
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(LedgerFiles.NDJSON_MEDIA_TYPE) && !mediaType.equals(LedgerFiles.CSV_MEDIA_TYPE)) {
            throw unsupported("Content-Type " + parts[0].strip() + " is not accepted here; send "
                    + LedgerFiles.NDJSON_MEDIA_TYPE + " or " + LedgerFiles.CSV_MEDIA_TYPE);
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param[0].strip().equalsIgnoreCase("charset")) {
                String charset = param.length < 2 ? "" : param[1].strip().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8")) {
                    throw unsupported("Imports are read as UTF-8 only, not charset " + charset);
                }
            }
        }
        return mediaType.equals(LedgerFiles.CSV_MEDIA_TYPE);
    }

    private static HttpProblem unsupported(String detail) {
        return HttpProblem.of(415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", detail)
                .withHeader("Accept-Post", LedgerFiles.NDJSON_MEDIA_TYPE + ", " + LedgerFiles.CSV_MEDIA_TYPE);
    }

    private HttpProblem tooLarge() {
        return HttpProblem.of(413, ProblemTypes.BODY_TOO_LARGE, "Content Too Large",
                "An import may be at most " + maxImportBytes + " bytes; nothing was imported");
    }

    /** The body itself failed: over the limit (413), or it could not be read to its end (400). */
    private HttpProblem unreadable(Exception failure) {
        if (causedBy(failure, BoundedInputStream.TooLarge.class)) {
            return tooLarge();
        }
        return HttpProblem.badRequest(ProblemTypes.MALFORMED_JSON,
                "The import could not be read to its end; nothing was imported", List.of());
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
