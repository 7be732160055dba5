package dev.keelson.migrate.internal.diff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** For catalog readers: runs a catalog query with string parameters and maps each row. */
public final class CatalogQuery {
    private CatalogQuery() {}

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public static <T> List<T> list(Connection c, String sql, Row<T> row, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        }
    }

    public static String one(Connection c, String sql) throws SQLException {
        List<String> values = list(c, sql, rs -> rs.getString(1));
        return values.isEmpty() ? null : values.getFirst();
    }
}
