/**
 * The statistics over HTTP: {@code GET /api/v1/stats/summary}, {@code /yearly}, {@code /periods},
 * {@code /units}, {@code /cohorts/{id}}, {@code /first-returns}, {@code /reconciliation} and
 * {@code GET /api/v1/exchanges/{id}/first-time-units}, read through the driving port
 * {@link org.powledger.domain.port.in.ReadingStatistics}. The counting rules live behind that port;
 * this package only reads parameters and writes answers. Choices the contract leaves open:
 * <ul>
 *   <li><b>Shapes</b>: the summary and a cohort are objects as they are; years as {@code {"years": [...]}},
 *       periods as {@code {"points": [...]}}, the other lists as {@code {"items": [...]}} (never paged);
 *       first-time units is one first-returns item. Ids are plain strings, decimals plain numbers
 *       ({@code 35.5}, {@code 0.5116}), a report scope names only what it holds ({@code {}} for all time).</li>
 *   <li><b>Parameters</b>: {@code from}, {@code to} (dates, inclusive; {@code from} after {@code to} is a
 *       400 naming {@code from}) and {@code format} everywhere; {@code interval} ({@code month},
 *       {@code quarter}, {@code year}) and {@code cumulative} ({@code true}, {@code false}) on periods,
 *       exactly as written: a blank or other value is a 400 naming the parameter (they are not text
 *       filters, so blank does not mean absent). Any other parameter is a 400 naming it.</li>
 *   <li><b>First-time units</b> accept {@code from} / {@code to} like every statistic (checked as dates),
 *       but they change nothing: the path names the exchange and "first time" looks back over the whole
 *       ledger.</li>
 *   <li><b>CSV</b> (asked with {@code Accept: text/csv} or {@code ?format=csv}): the columns are the JSON
 *       fields in JSON order, nested objects as {@code largestExchange.id}, {@code change.percent},
 *       {@code reported.value}, {@code scope.year,scope.cohort,scope.unit,scope.exchange} (absent keys
 *       empty), lists of values joined with {@code ;} ({@code units} of first returns). The summary, a
 *       cohort and first-time units are one row. A cohort's {@code byUnit} list becomes parallel
 *       columns {@code byUnit.unit, byUnit.recorded, byUnit.reported.value, byUnit.reported.asOf,
 *       byUnit.reported.reportId}, each joined with {@code ;} in the same unit order (a unit without a
 *       report leaves its place empty, {@code 950;}); when no unit has a report at all, the
 *       {@code byUnit.reported.*} cells are empty.</li>
 *   <li><b>Caching</b>: statistics are computed, not stored records, so they carry no {@code ETag};
 *       every answer carries {@code Vary: Accept}.</li>
 *   <li><b>Access</b>: reads, open unless the server requires a read token; a token sent must be valid.</li>
 * </ul>
 */
package org.powledger.web.statistics;
