package org.powledger.persistence.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.powledger.domain.model.SearchWords;

/**
 * Migration 21 of both schemas: the search words a ledger indexed before search ignored diacritics
 * ("zmiïnyi") are folded as {@link SearchWords} now folds them ("zmiinyi"), or such a record could no
 * longer be found by its own word. Java, not SQL, because the folding rule lives in the domain.
 */
public final class FoldedSearchWords implements JavaMigration {

    private record Row(String word, String exchangeId, String folded) {
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("21");
    }

    @Override
    public String getDescription() {
        return "fold search words";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<Row> unfolded = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT word, exchange_id FROM exchange_word");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String word = rows.getString(1);
                String folded = SearchWords.fold(word);
                if (!folded.equals(word)) {
                    unfolded.add(new Row(word, rows.getString(2), folded));
                }
            }
        }
        try (PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM exchange_word WHERE word = ? AND exchange_id = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO exchange_word (word, exchange_id) "
                     + "SELECT ?, ? WHERE NOT EXISTS "
                     + "(SELECT 1 FROM exchange_word WHERE word = ? AND exchange_id = ?)")) {
            for (Row row : unfolded) {
                delete.setString(1, row.word());
                delete.setString(2, row.exchangeId());
                delete.executeUpdate();
                insert.setString(1, row.folded());
                insert.setString(2, row.exchangeId());
                insert.setString(3, row.folded());
                insert.setString(4, row.exchangeId());
                insert.executeUpdate();
            }
        }
    }
}
