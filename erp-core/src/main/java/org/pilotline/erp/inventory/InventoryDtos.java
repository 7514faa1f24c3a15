package org.pilotline.erp.inventory;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.pilotline.platform.quantity.Decimals.plain;

/** Requests and views of inventory. On update, version is the version read. */
public final class InventoryDtos {

    private InventoryDtos() {
    }

    public record WarehouseRequest(@NotBlank @Pattern(regexp = "\\S{1,32}", message = "must be 1-32 characters without spaces") String code,
                                   @NotBlank @Size(max = 200) String name,
                                   Long siteId,
                                   Long version) {
    }

    public record WarehouseView(long id, String code, String name, Long siteId, long version) {
        public static WarehouseView of(Warehouse w) {
            return new WarehouseView(w.id, w.code, w.name, w.site == null ? null : w.site.id, w.version);
        }
    }

    public record LocationRequest(@NotNull Long warehouseId,
                                  @NotBlank @Pattern(regexp = "\\S{1,32}", message = "must be 1-32 characters without spaces") String code,
                                  @NotBlank @Size(max = 200) String name,
                                  Boolean active,
                                  Long version) {
    }

    public record LocationView(long id, long warehouseId, String warehouseCode, String code, String label, String name,
                               boolean active, long version) {
        public static LocationView of(Location l) {
            return new LocationView(l.id, l.warehouse.id, l.warehouse.code, l.code, l.label(), l.name, l.active, l.version);
        }
    }

    public record LotView(long id, long itemId, String lotNumber, LocalDate expiresOn, Instant createdAt) {
        public static LotView of(Lot l) {
            return new LotView(l.id, l.item.id, l.lotNumber, l.expiresOn, l.createdAt);
        }
    }

    @Schema(description = "A stock move. RECEIPT names toLocationId, ISSUE fromLocationId, TRANSFER both, ADJUSTMENT one of "
            + "them. requestId makes a retried request apply once.")
    public record MoveRequest(@NotNull MoveType type,
                              @NotNull MoveReason reason,
                              @Schema(description = "or itemCode") Long itemId,
                              @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 6) BigDecimal quantity,
                              @Schema(description = "defaults to the item's stock unit; or unitCode") Long unitId,
                              Long fromLocationId,
                              Long toLocationId,
                              @Size(max = 64) String lotNumber,
                              @Schema(description = "for a new lot received") LocalDate lotExpiresOn,
                              @Size(max = 100) String reference,
                              @Size(max = 500) String note,
                              @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "letters, digits, '.', '_', ':' or '-' only") String requestId,
                              @Size(max = 80) @Schema(description = "the item's code, instead of itemId") String itemCode,
                              @Size(max = 80) @Schema(description = "the unit's code, instead of unitId") String unitCode,
                              @Size(max = 80) @Schema(description = "the location as WAREHOUSE/LOCATION (or the location's code alone when no other warehouse has it), instead of fromLocationId") String fromLocationCode,
                              @Size(max = 80) @Schema(description = "the location as WAREHOUSE/LOCATION (or the location's code alone when no other warehouse has it), instead of toLocationId") String toLocationCode) {

        /** The form Java callers use: item, unit and locations by id. */
        public MoveRequest(MoveType type, MoveReason reason, Long itemId, BigDecimal quantity, Long unitId,
                           Long fromLocationId, Long toLocationId, String lotNumber, LocalDate lotExpiresOn,
                           String reference, String note, String requestId) {
            this(type, reason, itemId, quantity, unitId, fromLocationId, toLocationId, lotNumber, lotExpiresOn, reference,
                    note, requestId, null, null, null, null);
        }
    }

    public record MoveView(long id, MoveType type, MoveReason reason, long itemId, String itemCode, BigDecimal quantity,
                           String unit, Long fromLocationId, String fromLocation, Long toLocationId, String toLocation,
                           String lotNumber, String reference, String note, String username, Instant movedAt,
                           String requestId) {
        public static MoveView of(StockMove m) {
            return new MoveView(m.id, m.type, m.reason, m.item.id, m.item.code, plain(m.quantity), m.item.stockUnit.code,
                    m.from == null ? null : m.from.id, m.from == null ? null : m.from.label(),
                    m.to == null ? null : m.to.id, m.to == null ? null : m.to.label(),
                    m.lot == null ? null : m.lot.lotNumber, m.reference, m.note, m.username, m.movedAt, m.requestId);
        }
    }

    public record BalanceView(long itemId, String itemCode, long locationId, String location, String lotNumber,
                              BigDecimal quantity, String unit, long version) {
        public static BalanceView of(StockBalance b) {
            return new BalanceView(b.item.id, b.item.code, b.location.id, b.location.label(),
                    b.lot == null ? null : b.lot.lotNumber, plain(b.quantity), b.item.stockUnit.code, b.version);
        }
    }

    public record ReservationRequest(@Schema(description = "or itemCode") Long itemId,
                                     @Schema(description = "or locationCode") Long locationId,
                                     @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 6) BigDecimal quantity,
                                     @NotBlank @Size(max = 100) String reference,
                                     @Size(max = 80) @Schema(description = "the item's code, instead of itemId") String itemCode,
                                     @Size(max = 80) @Schema(description = "the location as WAREHOUSE/LOCATION (or the location's code alone when no other warehouse has it), instead of locationId") String locationCode) {
    }

    public record ReservationView(long id, long itemId, String itemCode, long locationId, String location,
                                  BigDecimal quantity, String reference, ReservationStatus status, String username,
                                  Instant createdAt, long version) {
        public static ReservationView of(StockReservation r) {
            return new ReservationView(r.id, r.item.id, r.item.code, r.location.id, r.location.label(), plain(r.quantity),
                    r.reference, r.status, r.username, r.createdAt, r.version);
        }
    }

    /** A balance that does not equal the sum of its ledger lines (there should be none). */
    public record Mismatch(long itemId, long locationId, Long lotId, BigDecimal balance, BigDecimal ledger) {
    }

    public record IntegrityReport(long balancesChecked, long movesCounted, java.util.List<Mismatch> mismatches) {
    }
}
