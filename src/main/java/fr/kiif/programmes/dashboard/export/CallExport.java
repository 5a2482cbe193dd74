package fr.kiif.programmes.dashboard.export;

import java.util.List;

/** One export of a call's rows: its French headers, and its rows streamed from the database into a sink. */
interface CallExport {

    ExportKind kind();

    List<String> headers();

    void write(ExportScope scope, RowSink sink);
}
