package org.powledger.web.statistics;

import java.time.LocalDate;
import java.util.List;

/** One exchange and the units (sorted by id) that had someone returned for the first time in it. */
record FirstReturnView(String exchange, LocalDate date, List<String> units, int count) {
}
