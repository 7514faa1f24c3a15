package org.pilotline.mes.material;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pilotline.erp.inventory.StockMove;

import java.math.BigDecimal;

/** A stock move a report made: item, lot (if tracked), quantity in the item's stock unit, location, the ledger's move. */
public record StockBooking(long itemId, String itemCode, String lotNumber, BigDecimal quantity, long locationId,
                           MoveId stockMoveId) {

    public StockBooking {
        quantity = org.pilotline.platform.quantity.Decimals.plain(quantity);
    }

    /**
     * The ledger move's id, in JSON a plain number. A report's moves are inserted together at the end of its
     * transaction ({@code StockLedger.deferWrites}), so the id is read from the move when the answer is serialised,
     * not when the booking is made.
     */
    @Schema(type = SchemaType.INTEGER, format = "int64", description = "The ledger's stock move")
    public static final class MoveId {
        private final StockMove move;
        private final long id;

        private MoveId(StockMove move, long id) {
            this.move = move;
            this.id = id;
        }

        /** The id of a move applied in this transaction, known once it is inserted. */
        public static MoveId of(StockMove move) {
            return new MoveId(move, 0);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static MoveId of(long id) {
            return new MoveId(null, id);
        }

        @JsonValue
        public long value() {
            if (move == null) {
                return id;
            }
            if (move.id == null) {
                throw new IllegalStateException("the stock move is not inserted yet: its id is not known");
            }
            return move.id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MoveId other && other.value() == value();
        }

        @Override
        public int hashCode() {
            return Long.hashCode(value());
        }

        @Override
        public String toString() {
            return move != null && move.id == null ? "(not inserted yet)" : Long.toString(value());
        }
    }
}
