package org.powledger.domain.statistics;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.powledger.domain.model.BreakdownLine;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.Kind;
import org.powledger.domain.model.UnitId;

/**
 * The live stages of the ledger held compactly in memory, in statistics order (see {@link Stage}):
 * primitive arrays, ids as ASCII bytes, dates as day numbers, units and cohorts as indexes into small
 * tables. About 50 bytes a stage and 12 a breakdown line, where the same stages as objects take several
 * hundred, so that a walk costs what the counting costs and no database round trip.
 *
 * <p>Immutable. A write is taken in by {@link #with}, which makes the next one in a single pass over
 * this one (the stages the write touched are placed again, the rest keep their order), so a walk in
 * progress keeps its own moment of the ledger and a read after a write costs a copy, not a re-read.
 */
public final class CompactLedger implements StageSource {

    private static final Kind[] KINDS = Kind.values();
    /** What one stage costs beyond its id's characters: the arrays below, one slot each. */
    private static final int BYTES_PER_STAGE = 4 + 8 + 4 + 1 + 4 + 3 * 4 + 4;
    private static final int BYTES_PER_LINE = 3 * 4;

    private final int size;
    private final byte[] ids;
    private final int[] idEnds;
    private final long[] sequences;
    private final int[] days;
    private final byte[] kinds;
    private final String[] operations;
    private final int[] returned;
    private final int[] handedOver;
    private final int[] civilians;
    /** The lines of stage i are {@code [i == 0 ? 0 : lineEnds[i - 1], lineEnds[i])}. */
    private final int[] lineEnds;
    /** An index into {@link #units} or {@link #cohorts}, -1 for none. */
    private final int[] lineUnits;
    private final int[] lineCohorts;
    private final int[] lineCounts;
    private final UnitId[] units;
    private final CohortId[] cohorts;

    /** Takes the builder's arrays as they are: trimming them would hold two copies at once. */
    private CompactLedger(Builder b) {
        this.size = b.size;
        this.ids = b.ids;
        this.idEnds = b.idEnds;
        this.sequences = b.sequences;
        this.days = b.days;
        this.kinds = b.kinds;
        this.operations = b.operations;
        this.returned = b.returned;
        this.handedOver = b.handedOver;
        this.civilians = b.civilians;
        this.lineEnds = b.lineEnds;
        this.lineUnits = b.lineUnits;
        this.lineCohorts = b.lineCohorts;
        this.lineCounts = b.lineCounts;
        this.units = b.units.toArray(UnitId[]::new);
        this.cohorts = b.cohorts.toArray(CohortId[]::new);
    }

    /**
     * The stages {@code source} streams (in statistics order), held compactly; empty when they would take
     * more than {@code budget} bytes, in which case the walk stops as soon as it knows.
     */
    public static Optional<CompactLedger> of(StageSource source, long budget) {
        Builder builder = new Builder(budget, 0, 0, 0);
        source.forEachStage(builder::add);
        return builder.overBudget ? Optional.empty() : Optional.of(builder.build());
    }

    /** How many stages it holds. */
    public int stages() {
        return size;
    }

    /** About how many bytes of heap its stages take (the arrays may hold some room beyond them). */
    public long bytes() {
        return bytesOf(size == 0 ? 0 : idEnds[size - 1], size, size == 0 ? 0 : lineEnds[size - 1]);
    }

    private static long bytesOf(long idBytes, long stages, long lines) {
        return idBytes + stages * BYTES_PER_STAGE + lines * BYTES_PER_LINE;
    }

    @Override
    public void forEachStage(Predicate<Stage> action) {
        for (int i = 0; i < size; i++) {
            if (!action.test(stage(i))) {
                return;
            }
        }
    }

    /**
     * The ledger after writes: {@code written} are the ids of the records written since this one was
     * made (added, replaced or deleted), {@code current} their stages now (a deleted record has none).
     * Every stage of an operation a written record left or joined is placed again with it, so that the
     * operation stands at its earliest stage; every other stage keeps its place. Empty when the result
     * would take more than {@code budget} bytes.
     */
    public Optional<CompactLedger> with(Set<ExchangeId> written, Collection<Stage> current, long budget) {
        Set<Object> moved = new HashSet<>();
        for (Stage stage : current) {
            if (!written.contains(stage.id())) {
                throw new IllegalArgumentException("stage " + stage.id() + " was not written");
            }
            moved.add(stage.exchangeKey());
        }
        Set<Integer> writtenHashes = new HashSet<>();
        written.forEach(id -> writtenHashes.add(id.value().hashCode()));
        boolean[] leaving = new boolean[size];
        for (int i = 0; i < size; i++) {
            // The id is made only when its hash is one of a written id's: most stages are not written.
            if (writtenHashes.contains(idHash(i)) && written.contains(exchangeId(i))) {
                moved.add(exchangeKey(i));
                leaving[i] = true;
            }
        }
        List<Stage> placed = new ArrayList<>(current);
        for (int i = 0; i < size; i++) {
            if (!leaving[i] && operations[i] != null && moved.contains(exchangeKey(i))) {
                leaving[i] = true;
                placed.add(stage(i));
            }
        }
        placed = Stage.sortedInStatisticsOrder(placed);
        // Where each placed stage's exchange stands: its earliest stage, the first of its run once sorted.
        long[] placedDay = new long[placed.size()];
        long[] placedSequence = new long[placed.size()];
        int placedIdBytes = 0;
        int placedLines = 0;
        for (int p = 0; p < placed.size(); p++) {
            Stage stage = placed.get(p);
            boolean continues = p > 0 && placed.get(p - 1).exchangeKey().equals(stage.exchangeKey());
            placedDay[p] = continues ? placedDay[p - 1] : stage.date().toEpochDay();
            placedSequence[p] = continues ? placedSequence[p - 1] : stage.sequence();
            placedIdBytes += stage.id().value().length();
            placedLines += stage.lines().size();
        }

        Builder next = new Builder(budget, size + placed.size(), lineCounts.length + placedLines,
                ids.length + placedIdBytes);
        next.keepTablesOf(this);
        int p = 0;
        long day = 0;
        long sequence = 0;
        int run = -1; // the first of the kept stages not yet copied: runs between changes are copied whole
        for (int i = 0; i < size && !next.overBudget; i++) {
            if (leaving[i]) {
                next.copy(this, run, i);
                run = -1; // no run of kept stages is left open
                continue;
            }
            if (i == 0 || !sameExchange(i - 1, i)) {
                day = days[i];
                sequence = sequences[i];
            }
            // A placed stage goes first when its exchange stands earlier, or it is an earlier stage of the same.
            while (p < placed.size()) {
                int byExchange = compare(placedDay[p], placedSequence[p], day, sequence);
                Stage stage = placed.get(p);
                if (byExchange > 0 || byExchange == 0
                        && compare(stage.date().toEpochDay(), stage.sequence(), days[i], sequences[i]) > 0) {
                    break;
                }
                next.copy(this, run, i);
                run = -1;
                next.add(stage);
                p++;
            }
            if (run < 0) {
                run = i;
            }
        }
        next.copy(this, run, size);
        while (p < placed.size() && !next.overBudget) {
            next.add(placed.get(p++));
        }
        return next.overBudget ? Optional.empty() : Optional.of(next.build());
    }

    private static int compare(long day, long sequence, long otherDay, long otherSequence) {
        return day != otherDay ? Long.compare(day, otherDay) : Long.compare(sequence, otherSequence);
    }

    private boolean sameExchange(int a, int b) {
        return operations[a] != null && kinds[a] == kinds[b] && operations[a].equals(operations[b]);
    }

    private Object exchangeKey(int i) {
        return operations[i] == null ? exchangeId(i) : Stage.operationKey(KINDS[kinds[i]], operations[i]);
    }

    /** The {@link String#hashCode} of stage i's id, without making the string (ids are ASCII). */
    private int idHash(int i) {
        int hash = 0;
        for (int b = i == 0 ? 0 : idEnds[i - 1]; b < idEnds[i]; b++) {
            hash = 31 * hash + ids[b];
        }
        return hash;
    }

    private ExchangeId exchangeId(int i) {
        int start = i == 0 ? 0 : idEnds[i - 1];
        return ExchangeId.of(new String(ids, start, idEnds[i] - start, StandardCharsets.US_ASCII));
    }

    private Stage stage(int i) {
        int from = i == 0 ? 0 : lineEnds[i - 1];
        BreakdownLine[] lines = new BreakdownLine[lineEnds[i] - from];
        for (int l = from; l < lineEnds[i]; l++) {
            lines[l - from] = new BreakdownLine(lineUnits[l] < 0 ? null : units[lineUnits[l]],
                    lineCohorts[l] < 0 ? null : cohorts[lineCohorts[l]], lineCounts[l]);
        }
        return new Stage(exchangeId(i), sequences[i], LocalDate.ofEpochDay(days[i]), KINDS[kinds[i]], operations[i],
                returned[i], handedOver[i], civilians[i], List.of(lines));
    }

    /** Appends stages (in statistics order) into growing arrays, until they would pass the budget. */
    private static final class Builder {
        private final long budget;
        private boolean overBudget;
        private int size;
        private int idBytes;
        private int lines;
        private byte[] ids;
        private int[] idEnds;
        private long[] sequences;
        private int[] days;
        private byte[] kinds;
        private String[] operations;
        private int[] returned;
        private int[] handedOver;
        private int[] civilians;
        private int[] lineEnds;
        private int[] lineUnits;
        private int[] lineCohorts;
        private int[] lineCounts;
        private final List<UnitId> units = new ArrayList<>();
        private final List<CohortId> cohorts = new ArrayList<>();
        private final Map<UnitId, Integer> unitIndex = new HashMap<>();
        private final Map<CohortId, Integer> cohortIndex = new HashMap<>();
        private final Map<String, String> operationNames = new HashMap<>();

        /** {@code stages}, {@code lines}, {@code idBytes}: room to start with (the arrays grow by half when full). */
        Builder(long budget, int stages, int lines, int idBytes) {
            this.budget = budget;
            int n = Math.max(stages, 16);
            this.ids = new byte[Math.max(idBytes, 256)];
            this.idEnds = new int[n];
            this.sequences = new long[n];
            this.days = new int[n];
            this.kinds = new byte[n];
            this.operations = new String[n];
            this.returned = new int[n];
            this.handedOver = new int[n];
            this.civilians = new int[n];
            this.lineEnds = new int[n];
            int m = Math.max(lines, 16);
            this.lineUnits = new int[m];
            this.lineCohorts = new int[m];
            this.lineCounts = new int[m];
        }

        boolean add(Stage stage) {
            byte[] id = stage.id().value().getBytes(StandardCharsets.US_ASCII);
            if (!room(1, id.length, stage.lines().size())) {
                return false;
            }
            System.arraycopy(id, 0, ids, idBytes, id.length);
            idBytes += id.length;
            idEnds[size] = idBytes;
            sequences[size] = stage.sequence();
            days[size] = Math.toIntExact(stage.date().toEpochDay());
            kinds[size] = (byte) stage.kind().ordinal();
            operations[size] = stage.operation() == null ? null
                    : operationNames.computeIfAbsent(stage.operation(), o -> o);
            returned[size] = Math.toIntExact(stage.returned());
            handedOver[size] = Math.toIntExact(stage.handedOver());
            civilians[size] = Math.toIntExact(stage.civilians());
            for (BreakdownLine line : stage.lines()) {
                lineUnits[lines] = line.unit() == null ? -1 : index(line.unit(), units, unitIndex);
                lineCohorts[lines] = line.cohort() == null ? -1 : index(line.cohort(), cohorts, cohortIndex);
                lineCounts[lines] = line.count();
                lines++;
            }
            lineEnds[size] = lines;
            size++;
            return true;
        }

        /** Numbers units and cohorts as {@code base} does, so that {@link #copy} takes its lines as they are. */
        void keepTablesOf(CompactLedger base) {
            for (UnitId unit : base.units) {
                index(unit, units, unitIndex);
            }
            for (CohortId cohort : base.cohorts) {
                index(cohort, cohorts, cohortIndex);
            }
        }

        /**
         * Appends stages {@code [start, end)} of {@code from} (whose tables it keeps) as they are, without
         * making them objects; nothing when {@code start} is negative.
         */
        void copy(CompactLedger from, int start, int end) {
            if (start < 0 || start >= end) {
                return;
            }
            int idStart = start == 0 ? 0 : from.idEnds[start - 1];
            int idLength = from.idEnds[end - 1] - idStart;
            int lineStart = start == 0 ? 0 : from.lineEnds[start - 1];
            int lineCount = from.lineEnds[end - 1] - lineStart;
            if (!room(end - start, idLength, lineCount)) {
                return;
            }
            int n = end - start;
            System.arraycopy(from.ids, idStart, ids, idBytes, idLength);
            for (int k = 0; k < n; k++) {
                idEnds[size + k] = from.idEnds[start + k] - idStart + idBytes;
                lineEnds[size + k] = from.lineEnds[start + k] - lineStart + lines;
            }
            System.arraycopy(from.sequences, start, sequences, size, n);
            System.arraycopy(from.days, start, days, size, n);
            System.arraycopy(from.kinds, start, kinds, size, n);
            System.arraycopy(from.operations, start, operations, size, n);
            System.arraycopy(from.returned, start, returned, size, n);
            System.arraycopy(from.handedOver, start, handedOver, size, n);
            System.arraycopy(from.civilians, start, civilians, size, n);
            System.arraycopy(from.lineUnits, lineStart, lineUnits, lines, lineCount);
            System.arraycopy(from.lineCohorts, lineStart, lineCohorts, lines, lineCount);
            System.arraycopy(from.lineCounts, lineStart, lineCounts, lines, lineCount);
            idBytes += idLength;
            lines += lineCount;
            size += n;
        }

        /** Grows the arrays for more stages; false (and over budget) when they would pass the budget. */
        private boolean room(int stages, int idLength, int lineCount) {
            if (bytesOf((long) idBytes + idLength, (long) size + stages, (long) lines + lineCount) > budget) {
                overBudget = true;
                return false;
            }
            while (idBytes + idLength > ids.length) {
                ids = Arrays.copyOf(ids, grown(ids.length));
            }
            if (size + stages > sequences.length) {
                int n = Math.max(grown(sequences.length), size + stages);
                idEnds = Arrays.copyOf(idEnds, n);
                sequences = Arrays.copyOf(sequences, n);
                days = Arrays.copyOf(days, n);
                kinds = Arrays.copyOf(kinds, n);
                operations = Arrays.copyOf(operations, n);
                returned = Arrays.copyOf(returned, n);
                handedOver = Arrays.copyOf(handedOver, n);
                civilians = Arrays.copyOf(civilians, n);
                lineEnds = Arrays.copyOf(lineEnds, n);
            }
            while (lines + lineCount > lineCounts.length) {
                int n = grown(lineCounts.length);
                lineUnits = Arrays.copyOf(lineUnits, n);
                lineCohorts = Arrays.copyOf(lineCohorts, n);
                lineCounts = Arrays.copyOf(lineCounts, n);
            }
            return true;
        }

        private static int grown(int length) {
            return length + Math.max(length / 2, 16);
        }

        private static <I> int index(I id, List<I> table, Map<I, Integer> indexes) {
            Integer known = indexes.get(id);
            if (known != null) {
                return known;
            }
            indexes.put(id, table.size());
            table.add(id);
            return table.size() - 1;
        }

        CompactLedger build() {
            return new CompactLedger(this);
        }
    }

    @Override
    public String toString() {
        return "CompactLedger{" + size + " stages, ~" + bytes() + " bytes}";
    }
}
