package org.powledger.persistence.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.powledger.domain.model.Exchange;

/** Writes and reads the JSON snapshots of the exchange history. */
final class ExchangeSnapshots {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ExchangeSnapshots() {
    }

    static String write(Exchange exchange) {
        if (exchange == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(SnapshotMapping.SNAPSHOTS.toJson(exchange));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an exchange snapshot", e);
        }
    }

    static Exchange read(String snapshot) {
        if (snapshot == null) {
            return null;
        }
        try {
            return SnapshotMapping.SNAPSHOTS.toExchange(JSON.readValue(snapshot, ExchangeJson.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The database holds an unreadable exchange snapshot", e);
        }
    }
}
