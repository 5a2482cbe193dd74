package fr.kiif.programmes.dashboard.export;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** CSV for French Excel or XLSX, by the file extension used in the URL. */
public enum ExportFormat {
    CSV("csv", "text/csv;charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** A writer of rows under the given headers, on the response body. */
    RowSink open(OutputStream out, String sheetName, List<String> headers) {
        return this == CSV ? new CsvRowSink(out, headers) : new XlsxRowSink(out, sheetName, headers);
    }

    public static Optional<ExportFormat> fromExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }
}
