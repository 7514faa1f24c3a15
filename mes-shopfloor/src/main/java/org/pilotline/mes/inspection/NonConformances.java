package org.pilotline.mes.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.erp.order.DocumentNumbers;
import org.pilotline.mes.settings.ShopFloorSettings;
import org.pilotline.mes.workorder.Operation;
import org.pilotline.mes.workorder.WorkOrder;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Raises non-conformance records from the shop floor and keeps an operation from finishing over an open one. */
@ApplicationScoped
public class NonConformances {

    @Inject
    EntityManager em;

    @Inject
    DocumentNumbers numbers;

    @Inject
    ShopFloorSettings settings;

    @Inject
    Event<NonConformanceRaised> raised;

    @Inject
    TenantContext tenant;

    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = DomainException.class)
    public NonConformance raise(NonConformance.Source source, WorkOrder order, Operation operation, long itemId,
                                Long characteristicId, BigDecimal quantity, String description, String raisedBy) {
        NonConformance ncr = new NonConformance();
        ncr.number = numbers.next("NCR");
        ncr.source = source;
        ncr.status = NonConformance.Status.OPEN;
        ncr.workOrderId = order == null ? null : order.id;
        ncr.operationId = operation == null ? null : operation.id;
        ncr.itemId = itemId;
        ncr.characteristicId = characteristicId;
        ncr.quantity = quantity;
        ncr.description = description;
        ncr.raisedAt = Instant.now();
        ncr.raisedBy = raisedBy;
        em.persist(ncr);
        raised.fire(new NonConformanceRaised(ncr.id, ncr.number, source, tenant.currentTenantId()));
        return ncr;
    }

    /** A scrap report larger than the enterprise's threshold (a fraction of the order quantity) raises a record. */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = DomainException.class)
    public void raiseIfScrapAboveThreshold(WorkOrder order, Operation operation, BigDecimal scrap, String raisedBy) {
        settings.scrapNcrThreshold().ifPresent(threshold -> {
            if (scrap.divide(order.quantity, MathContext.DECIMAL64).compareTo(threshold) > 0) {
                raise(NonConformance.Source.SCRAP, order, operation, order.itemId, null, scrap, "Scrap of " + scrap.stripTrailingZeros()
                        .toPlainString() + " at operation " + operation.operationNo + " of work order " + order.number
                        + " is above the threshold of " + threshold.movePointRight(2).stripTrailingZeros().toPlainString()
                        + " % of the order quantity", raisedBy);
            }
        });
    }

    /** An operation cannot finish while a non-conformance holds part of its quantity (409 naming the record). */
    public void requireNoneOpen(Operation operation, WorkOrder order) {
        // plain JDBC naming the tenant: every finish report asks, and HQL is translated anew on every call while
        // Hibernate's tenant filter is enabled (a twentieth of a report's JVM time for 4 % of the reports, mesperf5).
        // Records raised in this transaction are inserted at their persist (identity ids), so this sees them.
        String tenantId = tenant.requireEnterprise();
        Object[] first = em.unwrap(org.hibernate.Session.class).doReturningWork(c -> {
            try (java.sql.PreparedStatement select = c.prepareStatement("select number, quantity from mes_nonconformance"
                    + " where tenant_id = ? and operation_id = ? and status = ? and source = ? order by id limit 1")) {
                select.setString(1, tenantId);
                select.setLong(2, operation.id);
                select.setString(3, NonConformance.Status.OPEN.name());
                select.setString(4, NonConformance.Source.INSPECTION.name());
                try (java.sql.ResultSet r = select.executeQuery()) {
                    return r.next() ? new Object[]{r.getString(1), r.getBigDecimal(2)} : null;
                }
            }
        });
        if (first != null) {
            String number = (String) first[0];
            BigDecimal quantity = (BigDecimal) first[1];
            throw new DomainException(ProblemKind.CONFLICT, "nonconformance-open", "A non-conformance holds the quantity",
                    "Operation " + operation.operationNo + " of work order " + order.number + " cannot finish: "
                            + number + " holds " + quantity.stripTrailingZeros().toPlainString()
                            + " until its disposition", List.of(new FieldError("kind", "blocked by " + number)),
                    Map.of("nonConformance", number));
        }
    }

}
