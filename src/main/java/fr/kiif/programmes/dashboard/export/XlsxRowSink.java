package fr.kiif.programmes.dashboard.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import fr.kiif.programmes.web.FrenchDates;

/**
 * One sheet written with fastexcel: bold frozen header, numbers as numbers, dates as dates (Paris time).
 * Rows are flushed to the response every {@value #FLUSH_EVERY} rows so big calls are not held in memory.
 * Cells are always values, never formulas: no CSV-injection guard needed here.
 */
final class XlsxRowSink implements RowSink {

    static final int FLUSH_EVERY = 500;

    private final Workbook workbook;
    private final Worksheet sheet;
    private int rows;

    XlsxRowSink(OutputStream out, String sheetName, List<String> headers) {
        workbook = new Workbook(out, "Kiif Programmes", "1.0");
        sheet = workbook.newWorksheet(sheetName);
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
    }

    @Override
    public void row(List<?> cells) {
        int r = ++rows;
        for (int c = 0; c < cells.size(); c++) {
            Object cell = cells.get(c);
            if (cell instanceof Instant instant) {
                sheet.value(r, c, instant.atZone(FrenchDates.PARIS).toLocalDateTime());
                sheet.style(r, c).format("dd/mm/yyyy hh:mm").set();
            } else if (cell instanceof LocalDate date) {
                sheet.value(r, c, date);
                sheet.style(r, c).format("dd/mm/yyyy").set();
            } else if (cell instanceof Number number) {
                sheet.value(r, c, number);
            } else if (cell instanceof Boolean b) {
                sheet.value(r, c, b ? "Oui" : "Non");
            } else if (cell != null) {
                sheet.value(r, c, cell.toString());
            }
        }
        if (rows % FLUSH_EVERY == 0) {
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
