package org.powledger.persistence.sql;

import static org.powledger.persistence.sql.RowMapping.ROWS;

import java.util.List;
import java.util.Optional;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.Token;
import org.powledger.domain.port.out.Tokens;

final class SqlTokens implements Tokens {

    private final SqlDatabase db;

    SqlTokens(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public void add(Token token) {
        db.write(h -> {
            TokenDao dao = h.attach(TokenDao.class);
            if (dao.byName(token.name()).isPresent()) {
                throw new Conflict("A token named '" + token.name() + "' already exists", token.name());
            }
            if (dao.byHash(token.hash()).isPresent()) {
                throw new Conflict("Another token has the same hash");
            }
            dao.insert(ROWS.toTokenRow(token));
            return null;
        });
    }

    @Override
    public Optional<Token> byHash(String hash) {
        return db.read(h -> h.attach(TokenDao.class).byHash(hash)).map(ROWS::toToken);
    }

    @Override
    public Optional<Token> byName(String name) {
        return db.read(h -> h.attach(TokenDao.class).byName(name)).map(ROWS::toToken);
    }

    @Override
    public List<Token> all() {
        return db.read(h -> h.attach(TokenDao.class).all()).stream().map(ROWS::toToken).toList();
    }

    @Override
    public boolean remove(String name) {
        return db.write(h -> h.attach(TokenDao.class).remove(name) > 0);
    }
}
