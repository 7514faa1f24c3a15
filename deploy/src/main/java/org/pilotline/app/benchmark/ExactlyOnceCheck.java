package org.pilotline.app.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After the run: every report the terminals got a 200 for is in the database exactly once and had exactly its effect
 * — reports by kind, operations' good quantities, stock moves (count per report, quantities per item), terminals'
 * numbers, completed work and production orders — and the ledger adds up to the balances (here over JDBC, and the
 * suite's own integrity check over REST). Reports that were never answered may or may not have been applied; the
 * run reports how many there were (none, normally).
 */
final class ExactlyOnceCheck {

    private final Connection db;
    private final TerminalPlant plant;
    private final List<TerminalLoad.Sent> sent;
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();

    ExactlyOnceCheck(Connection db, TerminalPlant plant, List<TerminalLoad.Sent> sent) {
        this.db = db;
        this.plant = plant;
        this.sent = sent;
    }

    Map<String, Object> run(BenchmarkRest manager) throws SQLException {
        List<TerminalLoad.Sent> acked = sent.stream().filter(s -> s.status == 200).toList();
        Set<String> unanswered = new HashSet<>();
        sent.stream().filter(s -> s.status == 0).forEach(s -> unanswered.add(s.clientId));
        facts.put("acknowledged", acked.size());
        facts.put("unanswered", unanswered.size());

        reports(acked, unanswered);
        operations(acked);
        moves(acked, unanswered);
        ledgerEqualsBalances();
        terminalsAndOrders(acked);
        JsonNode integrity = manager.get("/api/stock/integrity");
        int mismatches = integrity.get("mismatches").size();
        facts.put("integrityEndpointMismatches", mismatches);
        if (mismatches != 0) {
            failures.add("the suite's integrity check found " + mismatches + " mismatches");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("passed", failures.isEmpty());
        result.putAll(facts);
        result.put("failures", failures.size() > 10 ? failures.subList(0, 10) : failures);
        return result;
    }

    private void reports(List<TerminalLoad.Sent> acked, Set<String> unanswered) throws SQLException {
        Set<String> stored = new HashSet<>();
        long rows = 0;
        try (ResultSet r = query("select client_id from mes_report where tenant_id = ? and status = 200")) {
            while (r.next()) {
                stored.add(r.getString(1));
                rows++;
            }
        }
        long missing = acked.stream().filter(s -> !stored.contains(s.clientId)).count();
        Set<String> ackedIds = new HashSet<>();
        acked.forEach(s -> ackedIds.add(s.clientId));
        long unexpected = stored.stream().filter(id -> !ackedIds.contains(id) && !unanswered.contains(id)).count();
        facts.put("reportsStored", rows);
        facts.put("acknowledgedButLost", missing);
        facts.put("storedTwice", rows - stored.size());
        facts.put("appliedButNotAcknowledged", unexpected);
        check(missing == 0, missing + " acknowledged reports are not stored");
        check(rows == stored.size(), "a client id is stored twice");
        check(unexpected == 0, unexpected + " reports are stored as applied that were not acknowledged");
    }

    private void operations(List<TerminalLoad.Sent> acked) throws SQLException {
        Map<Long, BigDecimal> expected = new HashMap<>();
        for (TerminalLoad.Sent s : acked) {
            expected.merge(s.step.operationId(), BigDecimal.valueOf(s.step.good()), BigDecimal::add);
        }
        int wrong = 0;
        try (ResultSet r = query("select id, good_quantity from mes_operation where tenant_id = ?")) {
            while (r.next()) {
                BigDecimal want = expected.getOrDefault(r.getLong(1), BigDecimal.ZERO);
                if (want.compareTo(r.getBigDecimal(2)) != 0) {
                    wrong++;
                }
            }
        }
        facts.put("operationsChecked", expected.size());
        check(wrong == 0, wrong + " operations' good quantity differs from the acknowledged reports");
    }

    private void moves(List<TerminalLoad.Sent> acked, Set<String> unanswered) throws SQLException {
        BigDecimal frames = BigDecimal.ZERO;
        BigDecimal screws = BigDecimal.ZERO;
        Map<Long, BigDecimal> receipts = new HashMap<>();
        Map<String, TerminalLoad.Sent> withQuantity = new HashMap<>();
        for (TerminalLoad.Sent s : acked) {
            if (s.step.good() == 0) {
                continue;
            }
            withQuantity.put(s.clientId, s);
            BigDecimal good = BigDecimal.valueOf(s.step.good());
            if (s.step.operationNo() == 10) {
                frames = frames.add(good);
            } else {
                screws = screws.add(good.multiply(BigDecimal.valueOf(TerminalPlant.SCREWS_PER_UNIT)));
                receipts.merge(plant.stations.get(s.station).productId(), good, BigDecimal::add);
            }
        }
        Map<String, BigDecimal> byItem = new HashMap<>();
        long moves = 0;
        try (ResultSet r = query("select reason, item_id, count(*), sum(quantity) from stock_move where tenant_id = ?"
                + " and reason in ('PRODUCTION_ISSUE', 'PRODUCTION_RECEIPT') group by reason, item_id")) {
            while (r.next()) {
                byItem.put(r.getString(1) + "/" + r.getLong(2), r.getBigDecimal(4));
                moves += r.getLong(3);
            }
        }
        facts.put("productionMoves", moves);
        check(same(frames, byItem.get("PRODUCTION_ISSUE/" + plant.frame)), "frames issued " + byItem.get("PRODUCTION_ISSUE/"
                + plant.frame) + ", acknowledged reports consume " + frames);
        check(same(screws, byItem.get("PRODUCTION_ISSUE/" + plant.screw)), "screws issued " + byItem.get("PRODUCTION_ISSUE/"
                + plant.screw) + ", acknowledged reports consume " + screws);
        int wrongReceipts = 0;
        for (TerminalPlant.Station s : plant.stations) {
            if (!same(receipts.getOrDefault(s.productId(), BigDecimal.ZERO), byItem.get("PRODUCTION_RECEIPT/" + s.productId()))) {
                wrongReceipts++;
            }
        }
        check(wrongReceipts == 0, wrongReceipts + " products' receipts differ from the acknowledged reports");

        // every production move belongs to one acknowledged quantity report, and every such report moved stock
        Set<String> reportsWithMoves = new HashSet<>();
        long foreign = 0;
        try (ResultSet r = query("select substring_index(request_id, '/', 1), count(*) from stock_move where tenant_id = ?"
                + " and reason in ('PRODUCTION_ISSUE', 'PRODUCTION_RECEIPT') group by 1")) {
            while (r.next()) {
                String clientId = r.getString(1);
                reportsWithMoves.add(clientId);
                if (!withQuantity.containsKey(clientId) && !unanswered.contains(clientId)) {
                    foreign++;
                }
            }
        }
        long without = withQuantity.keySet().stream().filter(id -> !reportsWithMoves.contains(id)).count();
        check(foreign == 0, foreign + " reports moved stock without being acknowledged");
        check(without == 0, without + " acknowledged quantity reports moved no stock");
    }

    private void ledgerEqualsBalances() throws SQLException {
        Map<String, BigDecimal> ledger = new HashMap<>();
        try (ResultSet r = query("select item_id, location_id, lot_key, sum(q) from ("
                + " select item_id, to_location_id location_id, coalesce(lot_id, 0) lot_key, quantity q from stock_move"
                + " where tenant_id = ? and to_location_id is not null"
                + " union all select item_id, from_location_id, coalesce(lot_id, 0), -quantity from stock_move"
                + " where tenant_id = ? and from_location_id is not null) m group by item_id, location_id, lot_key", 2)) {
            while (r.next()) {
                ledger.put(r.getLong(1) + "/" + r.getLong(2) + "/" + r.getLong(3), r.getBigDecimal(4));
            }
        }
        int differ = 0;
        int balances = 0;
        Set<String> seen = new HashSet<>();
        try (ResultSet r = query("select item_id, location_id, lot_key, quantity from stock_balance where tenant_id = ?")) {
            while (r.next()) {
                balances++;
                String key = r.getLong(1) + "/" + r.getLong(2) + "/" + r.getLong(3);
                seen.add(key);
                if (!same(r.getBigDecimal(4), ledger.getOrDefault(key, BigDecimal.ZERO))) {
                    differ++;
                }
            }
        }
        long unbalanced = ledger.entrySet().stream().filter(e -> !seen.contains(e.getKey()) && e.getValue().signum() != 0).count();
        facts.put("balancesChecked", balances);
        check(differ == 0 && unbalanced == 0, differ + " balances differ from the ledger, " + unbalanced
                + " ledger sums have no balance");
    }

    private void terminalsAndOrders(List<TerminalLoad.Sent> acked) throws SQLException {
        Map<Long, Long> lastSequence = new HashMap<>();
        long finishedOrders = 0;
        BigDecimal produced = BigDecimal.ZERO;
        for (TerminalLoad.Sent s : acked) {
            lastSequence.merge(plant.stations.get(s.station).terminalId(), s.sequence, Math::max);
            if (s.step.operationNo() == 20) {
                produced = produced.add(BigDecimal.valueOf(s.step.good()));
                if (s.step.kind() == TerminalLoad.Kind.FINISH) {
                    finishedOrders++;
                }
            }
        }
        int wrongTerminals = 0;
        try (ResultSet r = query("select id, last_sequence from mes_terminal where tenant_id = ?")) {
            while (r.next()) {
                if (lastSequence.getOrDefault(r.getLong(1), 0L) != r.getLong(2)) {
                    wrongTerminals++;
                }
            }
        }
        check(wrongTerminals == 0, wrongTerminals + " terminals' last sequence differs from their last acknowledged report");
        long completed = single("select count(*) from mes_work_order where tenant_id = ? and state = 'COMPLETED'").longValue();
        long erpCompleted = single("select count(*) from production_order where tenant_id = ? and status = 'COMPLETED'").longValue();
        BigDecimal erpQuantity = single("select coalesce(sum(completed_quantity), 0) from production_order where tenant_id = ?");
        facts.put("workOrdersCompleted", completed);
        check(completed == finishedOrders && erpCompleted == finishedOrders, "work orders completed " + completed
                + ", production orders completed " + erpCompleted + ", acknowledged last finishes " + finishedOrders);
        check(same(produced, erpQuantity), "production orders' completed quantity " + erpQuantity + ", acknowledged " + produced);
    }

    private BigDecimal single(String sql) throws SQLException {
        try (ResultSet r = query(sql)) {
            r.next();
            return r.getBigDecimal(1);
        }
    }

    private ResultSet query(String sql) throws SQLException {
        return query(sql, 1);
    }

    private ResultSet query(String sql, int tenantParameters) throws SQLException {
        PreparedStatement s = db.prepareStatement(sql);
        for (int i = 1; i <= tenantParameters; i++) {
            s.setString(i, plant.enterprise);
        }
        s.closeOnCompletion();
        return s.executeQuery();
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return (a == null ? BigDecimal.ZERO : a).compareTo(b == null ? BigDecimal.ZERO : b) == 0;
    }

    private void check(boolean ok, String failure) {
        if (!ok) {
            failures.add(failure);
        }
    }
}
