package org.powledger.persistence.sql;

import static org.powledger.persistence.sql.RowMapping.ROWS;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.Token;
import org.powledger.domain.port.out.Tokens;

/**
 * Tokens over {@code token}. Every request looks its token up ({@link #byHash}), so the statements run on
 * the handle itself with a plain row mapper: attaching a SqlObject and matching a constructor to the
 * columns cost more than the query.
 */
final class SqlTokens implements Tokens {

    private static final RowMapper<TokenRow> ROW = (rs, ctx) -> new TokenRow(rs.getString("name"),
            rs.getString("scope"), rs.getString("hash"), rs.getString("created_at"));

    private final SqlDatabase db;

    SqlTokens(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public void add(Token token) {
        db.write(h -> {
            if (one(h, "name", token.name()).isPresent()) {
                throw new Conflict("A token named '" + token.name() + "' already exists", token.name());
            }
            if (one(h, "hash", token.hash()).isPresent()) {
                throw new Conflict("Another token has the same hash");
            }
            h.createUpdate("""
                            INSERT INTO token (name, scope, hash, created_at) VALUES (:name, :scope, :hash, :createdAt)""")
                    .bindMap(RowArguments.of(ROWS.toTokenRow(token))).execute();
            return null;
        });
    }

    @Override
    public Optional<Token> byHash(String hash) {
        return db.read(h -> one(h, "hash", hash)).map(ROWS::toToken);
    }

    @Override
    public Optional<Token> byName(String name) {
        return db.read(h -> one(h, "name", name)).map(ROWS::toToken);
    }

    @Override
    public List<Token> all() {
        return db.read(h -> h.createQuery("SELECT * FROM token ORDER BY name").map(ROW).list()).stream()
                .map(ROWS::toToken).toList();
    }

    @Override
    public boolean remove(String name) {
        return db.write(h -> h.createUpdate("DELETE FROM token WHERE name = :name").bind("name", name).execute() > 0);
    }

    /** The token whose {@code column} (name or hash: both unique) holds {@code value}. */
    private static Optional<TokenRow> one(Handle h, String column, String value) {
        return h.createQuery("SELECT * FROM token WHERE " + column + " = :value").bind("value", value)
                .map(ROW).findOne();
    }
}
