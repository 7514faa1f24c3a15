package org.pilotline.mes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.pilotline.erp.inventory.Location;
import org.pilotline.erp.inventory.MoveReason;
import org.pilotline.erp.inventory.MoveType;
import org.pilotline.erp.inventory.StockLedger;
import org.pilotline.erp.item.Item;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.tenancy.TenantContext;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A report holds its staged stock before it picks lots and then moves it in the same transaction; the ledger does not
 * lock and read a pair it already holds again but remembers its rows. What it remembers must follow every move of the
 * transaction: a second issue of the same pair is checked against what the first one left, not against what the hold
 * read.
 */
@QuarkusTest
class StockHeldInReportTest {

    @Inject
    StockLedger ledger;

    @Inject
    EntityManager em;

    @Test
    void movesAfterAHoldAreCheckedAgainstWhatTheEarlierMovesOfTheTransactionLeft() {
        MasterData data = new MasterData(TestEnterprise.create());
        long item = data.bought("HELD", "1");
        long location = data.location(data.warehouse("WH"), "STAGE");
        data.planner().body(Map.of("type", "RECEIPT", "reason", "OPENING_BALANCE", "itemId", item, "quantity", "40",
                "toLocationId", location)).post("/api/stock/moves").then().statusCode(201);
        String tenant = data.enterprise().code;

        // held, then two issues that together take all 40: both fit
        TenantContext.runAs(tenant, () -> QuarkusTransaction.requiringNew().run(() -> {
            Item i = em.find(Item.class, item);
            Location l = em.find(Location.class, location);
            ledger.hold(i, l);
            ledger.apply(issue(i, l, "25"));
            ledger.apply(issue(i, l, "15"));
        }));
        assertEquals(0, balance(data, item, location).signum(), "40 - 25 - 15");

        // held, 12 received, then 8 and 8 more issued: the second issue finds 4, not the 0 the hold read nor the 12
        // the receipt left before the first issue
        DomainException refused = assertThrows(DomainException.class, () -> TenantContext.runAs(tenant,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    Item i = em.find(Item.class, item);
                    Location l = em.find(Location.class, location);
                    ledger.hold(i, l);
                    ledger.apply(new StockLedger.Move(i, new BigDecimal("12"), MoveType.RECEIPT, MoveReason.PRODUCTION_RECEIPT,
                            null, l, null, "WO-HELD", null, "test", UUID.randomUUID().toString()));
                    ledger.apply(issue(i, l, "8"));
                    ledger.apply(issue(i, l, "8"));
                })));
        assertEquals("insufficient-stock", refused.type());
        assertEquals(0, balance(data, item, location).signum(), "the refused transaction left nothing behind");
        List<Map<String, Object>> moves = data.planner().queryParam("itemId", item).queryParam("size", 100)
                .get("/api/stock/moves").then().statusCode(200).extract().path("items");
        assertEquals(3, moves.size(), "the opening balance and the two issues that fit");
    }

    private static StockLedger.Move issue(Item item, Location location, String quantity) {
        return new StockLedger.Move(item, new BigDecimal(quantity), MoveType.ISSUE, MoveReason.PRODUCTION_ISSUE, location,
                null, null, "WO-HELD", null, "test", UUID.randomUUID().toString());
    }

    private static BigDecimal balance(MasterData data, long item, long location) {
        List<Map<String, Object>> found = data.planner().queryParam("itemId", item).queryParam("locationId", location)
                .get("/api/stock/balances").then().statusCode(200).extract().path("items");
        return found.stream().map(b -> new BigDecimal(b.get("quantity").toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
