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
import java.util.concurrent.TimeoutException;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.InvalidQuery;
import org.powledger.domain.port.in.ImportLine;
import org.powledger.domain.port.in.TransferringLedger;
import org.powledger.domain.port.in.TransferringLedger.ImportOutcome;
import org.powledger.web.access.BearerAccess;
import org.powledger.web.csv.CsvWriter;
import org.powledger.web.http.QueryParams;
import org.powledger.web.http.Representations;
import org.powledger.web.problem.HttpProblem;
import org.powledger.web.problem.ProblemTypes;

/**
 * {@code POST /api/v1/import} (NDJSON or CSV, at most {@code maxImportBytes}: received whole into a
 * temporary file, never held in memory, and only then imported) and {@code GET /api/v1/export} (the whole
 * ledger as NDJSON, or every exchange as CSV, streamed).
 */
public final class TransferRoutes {

    static final String IMPORT = "/api/v1/import";
    static final String EXPORT = "/api/v1/export";

    private final TransferringLedger transfer;
    private final BearerAccess access;
    private final Representations answers;
    private final long maxImportBytes;
    private final ReceivedBody.UploadPace pace;

    public TransferRoutes(TransferringLedger transfer, BearerAccess access, Representations answers,
                          long maxImportBytes) {
        this(transfer, access, answers, maxImportBytes, ReceivedBody.UploadPace.DEFAULT);
    }

    TransferRoutes(TransferringLedger transfer, BearerAccess access, Representations answers, long maxImportBytes,
                   ReceivedBody.UploadPace pace) {
        this.transfer = transfer;
        this.access = access;
        this.answers = answers;
        this.maxImportBytes = maxImportBytes;
        this.pace = pace;
    }

    public void register(JavalinDefaultRoutingApi app) {
        app.post(IMPORT, this::importLedger);
        app.get(EXPORT, this::exportLedger);
    }

    /** What an import answers: how many records it created, updated and found unchanged. */
    record ImportView(long created, long updated, long unchanged) {
    }

    private void importLedger(Context ctx) {
        Actor actor = access.actor(ctx);
        QueryParams params = QueryParams.of(ctx, Set.of("dryRun"));
        boolean dryRun = dryRun(params);
        boolean csv = isCsv(ctx.header("Content-Type"));
        if (ctx.req().getContentLengthLong() > maxImportBytes) {
            throw tooLarge();
        }
        ImportOutcome outcome;
        // The whole body first, then the write transaction: a slow upload never holds the ledger.
        try (ReceivedBody received = receive(ctx); InputStream body = received.open()) {
            Iterator<ImportLine> lines = csv ? LedgerFiles.csv(body) : LedgerFiles.ndjson(body);
            outcome = transfer.importLines(lines, dryRun, actor);
        } catch (IOException e) {
            throw unreadable(e);
        } catch (RuntimeException e) {
            // The file failed while the use case read it, perhaps wrapped by the store's transaction.
            if (e instanceof UncheckedIOException) {
                throw unreadable(e);
            }
            throw e;
        }
        ctx.status(200).json(new ImportView(outcome.created(), outcome.updated(), outcome.unchanged()));
    }

    /** The request's body, received whole into a temporary file; over the limit or too slow, it fails. */
    private ReceivedBody receive(Context ctx) {
        try {
            return ReceivedBody.receive(ctx.req().getInputStream(), maxImportBytes, pace, System::nanoTime);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** The whole ledger as NDJSON, or (asked with {@code ?format=csv} or {@code Accept: text/csv}) every exchange as CSV. */
    private void exportLedger(Context ctx) throws IOException {
        boolean csv = answers.format(ctx, QueryParams.of(ctx, Set.of("format"))) == Representations.Format.CSV;
        ctx.header("Vary", "Accept");
        if (csv) {
            ctx.status(200).contentType(CsvWriter.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"powledger-exchanges.csv\"");
        } else {
            ctx.status(200).contentType(LedgerFiles.NDJSON_MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"powledger.ndjson\"");
        }
        OutputStream out = ctx.outputStream();
        try {
            if (csv) {
                LedgerFiles.writeCsv(transfer, out);
            } else {
                LedgerFiles.writeNdjson(transfer, out);
            }
        } catch (IOException | RuntimeException e) {
            // Part of the ledger may have gone out: all that is left is to cut the response short. The
            // last-resort handler logs it once (at DEBUG when the client is what went away).
            if (!ctx.res().isCommitted()) {
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

    /** The body itself failed: over the limit (413), too slow (408), or it could not be read to its end (400). */
    private HttpProblem unreadable(Exception failure) {
        if (causedBy(failure, BoundedInputStream.TooLarge.class)) {
            return tooLarge();
        }
        if (causedBy(failure, ReceivedBody.TooSlow.class) || causedBy(failure, TimeoutException.class)) {
            return HttpProblem.of(408, ProblemTypes.REQUEST_TIMEOUT, "Request Timeout",
                    "The import's body arrived too slowly (at least " + pace.minBytesPerSecond()
                            + " bytes a second on average after the first " + pace.grace().toSeconds()
                            + " s); nothing was imported").withHeader("Connection", "close");
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
