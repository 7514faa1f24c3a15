package org.pilotline.bpm.purchase;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A purchase requisition as its process holds it. {@code status}: {@code PENDING_APPROVAL}, {@code ORDERED} (approved;
 * {@code purchaseOrderId} is the released purchase order) or {@code REJECTED}.
 */
public record PurchaseRequisitionView(String id, String number, String status, String source, String plannedOrder,
                                      long itemId, String itemCode, String category, BigDecimal quantity,
                                      BigDecimal unitPrice, BigDecimal amount, LocalDate dueDate, long supplierId,
                                      String requester, List<String> approvalChain, Boolean approved,
                                      Long purchaseOrderId, String purchaseOrderNumber, int processDefinitionVersion,
                                      Instant requestedAt, Instant endedAt) {
}
