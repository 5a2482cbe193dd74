package fr.kiif.programmes.dashboard.export;

import java.util.List;

/**
 * Where an export writes its rows, one at a time (nothing is kept in memory). Cells are String, Number,
 * Instant (shown in Paris time), LocalDate, Boolean (Oui / Non) or null (empty).
 */
interface RowSink extends AutoCloseable {

    void row(List<?> cells);

    /** Rows written so far, header excluded. */
    int rows();

    /** Ends the file (the response stream itself is left to the container). */
    @Override
    void close();
}
