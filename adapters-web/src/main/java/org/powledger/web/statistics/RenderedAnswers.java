package org.powledger.web.statistics;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.powledger.web.csv.CsvLayout;
import org.powledger.web.http.Representations.Format;
import org.powledger.web.http.Representations.Rendered;

/**
 * The statistics answers last written out, so that a warm read sends bytes instead of mapping and
 * writing the same answer again. The statistics keep each answer for as long as the ledger's revision
 * stays put and hand out the very same object for it, so an answer is known again by identity: a write
 * makes new answers, and the old ones' bytes are never sent for them. A few are kept, within a bound of
 * bytes (a small heap holds them), the oldest replaced first; an answer larger than a quarter of the
 * bound (daily periods over many years) is written out each time.
 */
final class RenderedAnswers {

    /** At most this many answers: every statistic in both formats and a few windows. */
    static final int MAX_ANSWERS = 32;
    /** At most this many bytes of them. */
    static final int MAX_BYTES = 1 << 20;

    private record Entry(Object answer, Format format, CsvLayout layout, Rendered rendered) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private long bytes;

    /** The bytes of {@code answer} in {@code format} by {@code layout}, written out by {@code render} when not kept. */
    Rendered of(Object answer, Format format, CsvLayout layout, Supplier<Rendered> render) {
        Rendered known = find(answer, format, layout);
        if (known != null) {
            return known;
        }
        Rendered rendered = render.get();
        if (rendered.body().length <= MAX_BYTES / 4) {
            keep(new Entry(answer, format, layout, rendered));
        }
        return rendered;
    }

    private synchronized Rendered find(Object answer, Format format, CsvLayout layout) {
        for (Entry entry : entries) {
            if (entry.answer == answer && entry.format == format && entry.layout == layout) {
                return entry.rendered;
            }
        }
        return null;
    }

    private synchronized void keep(Entry entry) {
        entries.addLast(entry);
        bytes += entry.rendered.body().length;
        while (entries.size() > MAX_ANSWERS || bytes > MAX_BYTES) {
            bytes -= entries.removeFirst().rendered.body().length;
        }
    }
}
