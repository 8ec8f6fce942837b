package org.powledger.web.csv;

import java.util.regex.Pattern;

/**
 * What a CSV cell may begin with. A spreadsheet runs a cell that begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return as a formula ({@code =HYPERLINK(...)},
 * {@code +cmd|' /C calc'!A0}); such a text cell is written with a leading {@code '}, which the
 * spreadsheet shows as text. A number ({@code -42}) is no formula and stays a number. Reading a CSV
 * file back takes the {@code '} off again, so a round trip keeps the text as it was.
 */
public final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private CsvCells() {
    }

    /** The cell as written: text that a spreadsheet would run gets a leading {@code '}. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty() || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0
                || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }

    /** The cell as it was before {@link #neutralise}: for reading back what this server wrote. */
    public static String restore(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\''
                && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0 && !NUMBER.matcher(cell.substring(1)).matches()) {
            return cell.substring(1);
        }
        return cell;
    }
}
