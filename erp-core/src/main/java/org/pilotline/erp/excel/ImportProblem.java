package org.pilotline.erp.excel;

/** A bad row: where it is (sheet, Excel row number, column letter and header) and why it was refused. */
public record ImportProblem(String sheet, int row, String column, String reason) {
}
