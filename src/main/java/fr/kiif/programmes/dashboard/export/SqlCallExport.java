package fr.kiif.programmes.dashboard.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An export that is one SQL query over the call's applications (alias {@code a}): the caller's scope adds its
 * conditions, and each row goes to the sink as it is read.
 */
abstract class SqlCallExport implements CallExport {

    private final JdbcClient jdbc;
    private final ExportKind kind;
    private final List<String> headers;
    protected final ExportLabels labels;

    SqlCallExport(JdbcClient jdbc, ExportLabels labels, ExportKind kind, List<String> headers) {
        this.jdbc = jdbc;
        this.labels = labels;
        this.kind = kind;
        this.headers = headers;
    }

    /** The query up to {@code where a.call_id = :callId}; the scope's conditions and {@link #orderBy()} follow. */
    abstract String select();

    /** One row of the file, in the order of the headers. */
    abstract List<Object> row(ResultSet rs, ExportScope scope) throws SQLException;

    String orderBy() {
        return " order by a.reference";
    }

    @Override
    public ExportKind kind() {
        return kind;
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public void write(ExportScope scope, RowSink sink) {
        jdbc.sql(select() + scope.conditions() + orderBy()).params(scope.parameters()).query(rs -> {
            sink.row(row(rs, scope));
        });
    }
}
