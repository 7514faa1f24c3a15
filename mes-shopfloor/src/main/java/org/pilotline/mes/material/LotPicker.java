package org.pilotline.mes.material;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the lots a consumption takes: first expiring first (lots without an expiry date last), then oldest, so that
 * nothing expires in the bin. Plain Java.
 */
public final class LotPicker {

    /** A lot on hand at the staging location. {@code lotId} is null for stock of an item not tracked by lot. */
    public record AvailableLot(Long lotId, String lotNumber, LocalDate expiresOn, Instant createdAt, BigDecimal onHand) {
    }

    public record Allocation(Long lotId, String lotNumber, BigDecimal quantity) {
    }

    /** The allocations, and how much could not be covered by what is on hand. */
    public record Picking(List<Allocation> allocations, BigDecimal shortage) {
    }

    private static final Comparator<AvailableLot> FIRST_EXPIRED_FIRST_OUT = Comparator
            .comparing(AvailableLot::expiresOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(AvailableLot::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(AvailableLot::lotNumber, Comparator.nullsFirst(Comparator.naturalOrder()));

    private LotPicker() {
    }

    public static Picking pick(List<AvailableLot> available, BigDecimal required) {
        List<AvailableLot> ordered = new ArrayList<>(available);
        ordered.sort(FIRST_EXPIRED_FIRST_OUT);
        List<Allocation> allocations = new ArrayList<>();
        BigDecimal open = required;
        for (AvailableLot lot : ordered) {
            if (open.signum() <= 0) {
                break;
            }
            if (lot.onHand().signum() <= 0) {
                continue;
            }
            BigDecimal take = lot.onHand().min(open);
            allocations.add(new Allocation(lot.lotId(), lot.lotNumber(), take));
            open = open.subtract(take);
        }
        return new Picking(allocations, open.max(BigDecimal.ZERO));
    }
}
