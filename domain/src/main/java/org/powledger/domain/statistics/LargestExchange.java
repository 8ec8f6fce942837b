package org.powledger.domain.statistics;

import java.time.LocalDate;
import org.powledger.domain.model.ExchangeId;

/**
 * The exchange that returned the most people: an operation's stages summed, named by its first stage
 * and dated by it. On a tie the earlier exchange wins.
 */
public record LargestExchange(ExchangeId id, LocalDate date, long returned) {
}
