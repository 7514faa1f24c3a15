package org.pilotline.erp.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.pilotline.platform.quantity.Decimals.plain;

/** Requests and views of orders. On update, version is the version read. */
public final class OrderDtos {

    private OrderDtos() {
    }

    @Schema(description = "An order line; quantity and price are per the line's unit (default: the item's stock unit).")
    public record LineRequest(@Min(1) Integer lineNo,
                              @Schema(description = "or itemCode") Long itemId,
                              @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 6) BigDecimal quantity,
                              Long unitId,
                              @NotNull @Schema(description = "requested date (sales) or due date (purchase)") LocalDate date,
                              @DecimalMin("0") @Digits(integer = 14, fraction = 6) BigDecimal unitPrice,
                              @Size(max = 80) @Schema(description = "the item's code, instead of itemId") String itemCode,
                              @Size(max = 80) @Schema(description = "the unit's code, instead of unitId") String unitCode) {

        /** The form Java callers use: item and unit by id. */
        public LineRequest(Integer lineNo, Long itemId, BigDecimal quantity, Long unitId, LocalDate date,
                           BigDecimal unitPrice) {
            this(lineNo, itemId, quantity, unitId, date, unitPrice, null, null);
        }
    }

    public record SalesOrderRequest(@Size(max = 32) @Schema(description = "assigned (SO-000001) when absent") String number,
                                    @NotNull Long customerId,
                                    LocalDate orderDate,
                                    @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency,
                                    @Size(max = 500) String note,
                                    @NotEmpty @Size(max = 500) List<@Valid @NotNull LineRequest> lines,
                                    Long version) {
    }

    public record SalesLineView(int lineNo, long itemId, String itemCode, BigDecimal quantity, long unitId, String unit,
                                LocalDate requestedDate, BigDecimal unitPrice, BigDecimal shippedQuantity,
                                BigDecimal openQuantity) {
    }

    public record SalesOrderView(long id, String number, long customerId, String customer, LocalDate orderDate,
                                 SalesOrderStatus status, String currency, String note, BigDecimal total,
                                 List<SalesLineView> lines, long version,
                                 @Schema(description = "the review on entry: PENDING, CREDIT_HOLD, DATE_PROPOSAL,"
                                         + " CUSTOMER_CONFIRMATION, APPROVED, REJECTED; null when never reviewed")
                                 String reviewStatus,
                                 @Schema(description = "the date promised to the customer once the review approved")
                                 LocalDate promisedDate,
                                 String reviewNote) {
        public static SalesOrderView of(SalesOrder o) {
            return new SalesOrderView(o.id, o.number, o.partner.id, o.partner.code, o.orderDate, o.status, o.currency,
                    o.note, totalOf(o), lineViews(o, SalesLineView::new), o.version, o.reviewStatus, o.promisedDate,
                    o.reviewNote);
        }
    }

    public record PurchaseOrderRequest(@Size(max = 32) @Schema(description = "assigned (PO-000001) when absent") String number,
                                       @NotNull Long supplierId,
                                       LocalDate orderDate,
                                       @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency,
                                       @Size(max = 500) String note,
                                       @NotEmpty @Size(max = 500) List<@Valid @NotNull LineRequest> lines,
                                       Long version) {
    }

    public record PurchaseLineView(int lineNo, long itemId, String itemCode, BigDecimal quantity, long unitId, String unit,
                                   LocalDate dueDate, BigDecimal unitPrice, BigDecimal receivedQuantity,
                                   BigDecimal openQuantity) {
    }

    public record PurchaseOrderView(long id, String number, long supplierId, String supplier, LocalDate orderDate,
                                    PurchaseOrderStatus status, String currency, String note, BigDecimal total,
                                    List<PurchaseLineView> lines, long version) {
        public static PurchaseOrderView of(PurchaseOrder o) {
            return new PurchaseOrderView(o.id, o.number, o.partner.id, o.partner.code, o.orderDate, o.status, o.currency,
                    o.note, totalOf(o), lineViews(o, PurchaseLineView::new), o.version);
        }
    }

    /** The constructor of a sales or purchase line view: the same figures under each kind's names. */
    @FunctionalInterface
    private interface LineViewConstructor<T> {
        T of(int lineNo, long itemId, String itemCode, BigDecimal quantity, long unitId, String unit, LocalDate date,
             BigDecimal unitPrice, BigDecimal fulfilledQuantity, BigDecimal openQuantity);
    }

    private static <T> List<T> lineViews(OrderBase<?, ?> o, LineViewConstructor<T> view) {
        return o.lines().stream().map(l -> view.of(l.lineNo, l.item.id, l.item.code, plain(l.quantity), l.unit.id,
                l.unit.code, l.date, plain(l.unitPrice), plain(l.fulfilledQuantity),
                plain(l.quantity.subtract(l.fulfilledQuantity).max(BigDecimal.ZERO)))).toList();
    }

    private static BigDecimal totalOf(OrderBase<?, ?> o) {
        return plain(o.lines().stream().map(l -> l.quantity.multiply(l.unitPrice)).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** An order after goods moved for it; {@code replayed} when the request id had been applied already. */
    public record FulfilmentResult<V>(V order, boolean replayed) {
    }

    @Schema(description = "Goods moved for some lines of an order: received into, or shipped from, a location.")
    public record FulfilmentRequest(@NotEmpty @Size(max = 500) List<@Valid @NotNull FulfilmentLine> lines,
                                    @Size(max = 48) @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "letters, digits, '.', '_', ':' or '-' only")
                                    @Schema(description = "makes a retried request apply once") String requestId) {
    }

    public record FulfilmentLine(@NotNull Integer lineNo,
                                 @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 6)
                                 @Schema(description = "in the order line's unit") BigDecimal quantity,
                                 @Schema(description = "or locationCode") Long locationId,
                                 @Size(max = 64) String lotNumber,
                                 LocalDate lotExpiresOn,
                                 @Size(max = 80) @Schema(description = "the location as WAREHOUSE/LOCATION (or the location's "
                                         + "code alone when no other warehouse has it), instead of locationId") String locationCode) {
    }

    public record ProductionOrderRequest(@Size(max = 32) String number,
                                         @Schema(description = "or itemCode") Long itemId,
                                         @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 14, fraction = 6) BigDecimal quantity,
                                         LocalDate startDate,
                                         @NotNull LocalDate dueDate,
                                         @Size(max = 500) String note,
                                         @Min(0) @Max(1000)
                                         @Schema(description = "scheduling weight of a minute late, default 1") Integer priority,
                                         Long version,
                                         @Size(max = 80) @Schema(description = "the item's code, instead of itemId") String itemCode) {

        /** The form Java callers use: item by id. */
        public ProductionOrderRequest(String number, Long itemId, BigDecimal quantity, LocalDate startDate,
                                      LocalDate dueDate, String note, Integer priority, Long version) {
            this(number, itemId, quantity, startDate, dueDate, note, priority, version, null);
        }
    }

    public record ProductionOrderView(long id, String number, long itemId, String itemCode, BigDecimal quantity,
                                      String unit, BigDecimal completedQuantity, LocalDate startDate, LocalDate dueDate,
                                      ProductionOrderStatus status, Long bomId, Long recipeId, Long routingId,
                                      ProductionOrder.Origin origin, String note, int priority, long version) {
        public static ProductionOrderView of(ProductionOrder o) {
            return new ProductionOrderView(o.id, o.number, o.item.id, o.item.code, plain(o.quantity), o.item.stockUnit.code,
                    plain(o.completedQuantity), o.startDate, o.dueDate, o.status, o.bom == null ? null : o.bom.id,
                    o.recipe == null ? null : o.recipe.id, o.routing == null ? null : o.routing.id, o.origin, o.note,
                    o.priority, o.version);
        }
    }
}
