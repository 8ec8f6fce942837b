/**
 * The HTTP adapter of POW Ledger: {@link org.powledger.web.HttpApi} built from the driving ports and
 * {@link org.powledger.web.WebSettings}. It speaks the contract in {@code shared/API.md}; choices the
 * contract leaves open are made here:
 * <ul>
 *   <li><b>Read-only fields on input</b> ({@code id}, {@code unattributed}, {@code version},
 *       {@code createdAt}, {@code updatedAt}) are accepted and ignored, so that what a GET (or an
 *       export) gave can be sent back as it is. For units and cohorts a body {@code id} must match the
 *       path. Any other unknown field is a 422 naming it.</li>
 *   <li><b>400 or 422</b>: bytes that are not one well-formed JSON value (syntax, duplicate keys,
 *       trailing content, invalid UTF-8) are 400; well-formed JSON that does not fit (unknown field,
 *       wrong type, a float or a string for a whole number, a number for a string, a date not
 *       {@code YYYY-MM-DD}) is 422. Both carry {@code errors[].pointer}.</li>
 *   <li><b>Query parameters</b> a route does not know, or given twice, are 400 naming them (a typo
 *       such as {@code form=} must not silently widen a list). Blank text filters count as absent.</li>
 *   <li><b>Headers</b>: a malformed {@code If-Match} or {@code Idempotency-Key} is 400 with
 *       {@code errors[].header}. {@code If-Match: *} is malformed (name the version).</li>
 *   <li><b>Ids in paths</b> that cannot be ids (not a slug, not an exchange/report id) are 404.</li>
 *   <li><b>Tokens</b>: a token that is sent must be valid, also on open reads (401 otherwise);
 *       {@code /health} is always open.</li>
 *   <li><b>Problem types</b> are URNs {@code urn:powledger:problem:*}; problems also carry
 *       {@code instance} (the path), {@code existingId} (409) and {@code currentVersion} (412).</li>
 *   <li><b>Timestamps</b> are written to the second: {@code 2025-01-02T10:00:00Z}.</li>
 *   <li><b>CSV</b>: RFC 4180, CRLF, {@code text/csv; charset=utf-8}; nested objects as {@code a.b};
 *       lists of values joined with {@code ;}; lists of objects as one {@code list.field} column per
 *       field (e.g. {@code sources.url}); the breakdown as {@code unit:count;unit/cohort:count;/cohort:count}.</li>
 *   <li><b>Idempotency-Key</b> is kept in the store for 7 days, per token; the fingerprint of a request is its body re-written canonically.</li>
 *   <li><b>Import and export files</b> ({@link org.powledger.web.transfer.LedgerFiles}, shared with the
 *       command line). <i>NDJSON</i>, UTF-8, one object a line:
 *       {@code {"type": "unit"|"cohort"|"exchange"|"report", ...}}, the rest exactly the body of the
 *       single-resource endpoint (same strict reading); units and cohorts carry their {@code id},
 *       exchanges and reports may (import keeps it); read-only fields are ignored. Export writes the
 *       GET shapes with {@code type} first: units parents first, cohorts, exchanges, reports.
 *       <i>CSV</i> (exchanges only), RFC 4180: a header of the exchange's JSON field names in any order
 *       ({@code date}, {@code kind}, {@code returned} required); {@code mediators} joined with
 *       {@code ;}; {@code breakdown} as {@code unit:count;unit/cohort:count;/cohort:count}; empty cells
 *       are absent. The columns a CSV list of exchanges answers are all accepted, so it can be sent back
 *       ({@code id} kept, {@code sources.*} zipped by position, read-only columns ignored); an unknown
 *       column is a bad line 1 and ends the import.
 *       Line numbers are the file's (blank lines counted, a CSV row by the line it starts on); a line
 *       that is not valid UTF-8, longer than 1 MiB, or does not parse is a bad line with a JSON
 *       Pointer ({@code /returned}, {@code /breakdown/1/count}); a 422 lists every bad line as
 *       {@code {"line", "pointer", "message"}} and says {@code "truncated": true} when more were found
 *       than listed. The import body is read as a stream, up to 512 MiB (413 beyond; every other
 *       body stays limited to 1 MiB), in {@code application/x-ndjson} or {@code text/csv} (415 otherwise).</li>
 * </ul>
 */
package org.powledger.web;
