package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.input.LotSizing;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A lot size as the item table keeps it — the policy's name and its parameters in the six columns
 * {@value #COLUMNS} — translated to and from the engine's {@link LotSizing}, in this one place.
 */
public final class LotSizingColumns {

    public static final String COLUMNS = "lot_sizing, lot_size_quantity, lot_size_minimum, lot_size_maximum,"
            + " lot_size_multiple, periods_of_supply";

    private LotSizingColumns() {
    }

    /** The lot size in the six {@link #COLUMNS} of {@code row} starting at column {@code first}. */
    static LotSizing read(ResultSet row, int first) throws SQLException {
        return switch (row.getString(first)) {
            case "FIXED_QUANTITY" -> new LotSizing.FixedQuantity(row.getBigDecimal(first + 1));
            case "MIN_MAX_MULTIPLE" -> new LotSizing.MinMaxMultiple(row.getBigDecimal(first + 2),
                    row.getBigDecimal(first + 3), row.getBigDecimal(first + 4));
            case "PERIODS_OF_SUPPLY" -> new LotSizing.PeriodsOfSupply(Math.max(1, row.getInt(first + 5)));
            default -> LotSizing.lotForLot();
        };
    }

    /** Appends the six {@link #COLUMNS} of {@code lotSizing} to the current row. */
    public static void write(BulkLoad row, LotSizing lotSizing) {
        if (lotSizing instanceof LotSizing.FixedQuantity fixed) {
            row.text("FIXED_QUANTITY").text(fixed.quantity().toPlainString()).text(null).text(null).text(null)
                    .text(null);
        } else if (lotSizing instanceof LotSizing.MinMaxMultiple range) {
            row.text("MIN_MAX_MULTIPLE").text(null).text(range.minimum().toPlainString())
                    .text(range.maximum().toPlainString()).text(range.multiple().toPlainString()).text(null);
        } else if (lotSizing instanceof LotSizing.PeriodsOfSupply periods) {
            row.text("PERIODS_OF_SUPPLY").text(null).text(null).text(null).text(null).number(periods.periods());
        } else {
            row.text("LOT_FOR_LOT").text(null).text(null).text(null).text(null).text(null);
        }
    }
}
