package org.pilotline.erp.excel;

import java.util.List;

/** Moves one kind of master data between the database and its sheet. */
public interface SheetHandler {

    SheetSpec spec();

    /** The enterprise's records as rows, in a stable order. */
    List<Row> export();

    /** Creates or updates a record per row (or group of rows) inside the import's transaction, recording problems. */
    void apply(WorkbookReader.ParsedSheet sheet, ImportRun run);
}
