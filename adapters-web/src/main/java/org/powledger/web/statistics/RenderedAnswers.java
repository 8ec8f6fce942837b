package org.powledger.web.statistics;

import java.util.function.Supplier;
import org.powledger.web.csv.CsvLayout;
import org.powledger.web.http.Representations.Format;
import org.powledger.web.http.Representations.Rendered;

/**
 * The statistics answers last written out, so that a warm read sends bytes instead of mapping and
 * writing the same answer again. The statistics keep each answer for as long as the ledger's revision
 * stays put and hand out the very same object for it, so an answer is known again by identity: a write
 * makes new answers, and the old ones' bytes are never sent for them. A few are kept, the oldest
 * replaced first.
 */
final class RenderedAnswers {

    /** Enough for every statistic in both formats and a few windows, a few hundred KiB at most. */
    private static final int KEPT = 32;

    private record Entry(Object answer, Format format, CsvLayout layout, Rendered rendered) {
    }

    private final Entry[] entries = new Entry[KEPT];
    private int oldest;

    /** The bytes of {@code answer} in {@code format} by {@code layout}, written out by {@code render} when not kept. */
    Rendered of(Object answer, Format format, CsvLayout layout, Supplier<Rendered> render) {
        Rendered known = find(answer, format, layout);
        if (known != null) {
            return known;
        }
        Rendered rendered = render.get();
        keep(new Entry(answer, format, layout, rendered));
        return rendered;
    }

    private synchronized Rendered find(Object answer, Format format, CsvLayout layout) {
        for (Entry entry : entries) {
            if (entry != null && entry.answer == answer && entry.format == format && entry.layout == layout) {
                return entry.rendered;
            }
        }
        return null;
    }

    private synchronized void keep(Entry entry) {
        entries[oldest] = entry;
        oldest = (oldest + 1) % KEPT;
    }
}
