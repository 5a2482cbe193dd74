package fr.kiif.programmes.dashboard.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import fr.kiif.programmes.web.FrenchDates;

/**
 * CSV as French Excel opens it by double-click: UTF-8 with a byte order mark, ';' between cells, decimal
 * comma, dates as dd/MM/yyyy HH:mm in Paris time.
 */
final class CsvRowSink implements RowSink {

    static final char BOM = '\uFEFF';
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get();
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Text Excel would run as a formula (CSV injection); phone numbers such as "+33 6 ..." are left alone. */
    private static final Pattern FORMULA = Pattern.compile("^(?:[=@\\t\\r]|[+-](?![\\d\\s().]*$)).*", Pattern.DOTALL);

    private final Writer writer;
    private final CSVPrinter printer;
    private int rows;

    CsvRowSink(OutputStream out, List<String> headers) {
        try {
            writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(BOM);
            printer = new CSVPrinter(writer, FORMAT);
            printer.printRecord(headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void row(List<?> cells) {
        List<String> texts = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            texts.add(text(cell));
        }
        try {
            printer.printRecord(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Instant instant) {
            return DATE_TIME.format(instant.atZone(FrenchDates.PARIS));
        }
        if (cell instanceof LocalDate date) {
            return DATE.format(date);
        }
        if (cell instanceof Boolean b) {
            return b ? "Oui" : "Non";
        }
        if (cell instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString().replace('.', ',');
        }
        if (cell instanceof Number number) {
            return number.toString();
        }
        String text = cell.toString();
        return FORMULA.matcher(text).matches() ? "'" + text : text;
    }
}
