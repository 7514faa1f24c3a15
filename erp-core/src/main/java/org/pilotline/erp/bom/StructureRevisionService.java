package org.pilotline.erp.bom;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.erp.bom.structure.StructureVersion;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.item.Sourcing;
import org.pilotline.erp.unit.Unit;
import org.pilotline.erp.unit.UnitService;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The use cases BOM and recipe revisions share, written once: list, read, save and delete a revision of a made
 * item's structure. Saving checks alike for both kinds — the version read, the made item, each line's number, item
 * and unit, a revision label unique per item, no overlap in effectivity with any revision of the item, no cycle —
 * and reports every bad field of the request at once. A subclass is one kind: its {@link Kind}, its lines, its own
 * header fields and its records.
 *
 * @param <E> the revision entity
 * @param <R> the request that creates or replaces it
 * @param <V> its view
 */
public abstract class StructureRevisionService<E extends StructureRevision, R, V> {

    private static final Map<String, String> SORTABLE = Map.of("revision", "revision", "validFrom", "validFrom");

    /**
     * What sets one kind of revision apart: its name at the start of a message ("Recipe") and inside one
     * ("recipe"), the problem type of a bad request, the request field that lists what it consumes, and the list
     * filter on a consumed item (HQL on the revision {@code s} with the parameter {@code :component}).
     */
    record Kind(String name, String nameInText, String invalidType, String consumedField, String consumedFilter) {
    }

    /** The fields every revision request has. */
    record Header(Long itemId, String itemCode, String revision, LocalDate validFrom, LocalDate validTo, Long version) {
    }

    /** A revision's checked lines, ready to replace the stored ones. */
    interface Lines<E> {

        /** The items the revision consumes, for the cycle check. */
        List<Long> consumedItemIds();

        void attachTo(E revision);
    }

    /** The entity's static Panache finder, which only the concrete entity class has. */
    @FunctionalInterface
    interface Finder<E> {
        PanacheQuery<E> find(String query, Sort sort, Map<String, Object> parameters);
    }

    @Inject
    TenantContext tenant;

    @Inject
    StructureService structures;

    @Inject
    UnitService units;

    private final Kind kind;
    private final Class<E> type;
    private final Supplier<E> create;
    private final Finder<E> finder;
    private final Function<E, V> view;

    StructureRevisionService(Kind kind, Class<E> type, Supplier<E> create, Finder<E> finder, Function<E, V> view) {
        this.kind = kind;
        this.type = type;
        this.create = create;
        this.finder = finder;
        this.view = view;
    }

    /** The request's fields that every kind has. */
    abstract Header header(R request);

    /** Checks the request's lines for {@code item}, adding what is wrong to {@code problems}. */
    abstract Lines<E> lines(R request, Item item, Problems problems);

    /** Writes the header fields of this kind's own. */
    abstract void writeOwnHeader(E revision, R request);

    /** The revision in the structure rules' terms (quantities per unit of the item, in stock units). */
    abstract StructureVersion normalise(DatabaseStructureSource source, E revision);

    /**
     * The revision a request proposes, with its lines checked as a save checks them (400 naming the field), but not
     * stored: what an engineering change's cost roll-up compares with the revision in force.
     */
    public StructureVersion proposedVersion(R request) {
        tenant.requireEnterprise();
        Header h = header(request);
        Item item = Lookups.reference(Item.class, "Item", h.itemId(), h.itemCode(), "itemId");
        Problems problems = new Problems();
        if (item.sourcing != Sourcing.MAKE) {
            problems.add("itemId", "item '" + item.code + "' is bought, not made");
        }
        Lines<E> lines = lines(request, item, problems);
        problems.refuseIfAny(kind.invalidType(), "The " + kind.nameInText() + " is not valid");
        structures.requireNoCycle(item, lines.consumedItemIds(), kind.consumedField());
        E revision = create.get();
        revision.item = item;
        revision.revision = h.revision();
        revision.validFrom = h.validFrom();
        revision.validTo = h.validTo();
        writeOwnHeader(revision, request);
        lines.attachTo(revision);
        return normalise(structures.source(), revision);
    }

    /** Filtered by the item the revisions are for, or an item they consume. */
    public Page<V> listRevisions(PageRequest page, Long itemId, Long consumedItemId) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter()
                .and(itemId != null, "s.item.id = :item", "item", () -> itemId)
                .and(consumedItemId != null, kind.consumedFilter(), "component", () -> consumedItemId);
        return Lookups.page(finder.find("from " + type.getSimpleName() + " s where " + filter.where(),
                page.toSort(SORTABLE, "id"), filter.parameters()), page, view);
    }

    public V getRevision(long id) {
        tenant.requireEnterprise();
        return view.apply(Lookups.require(type, kind.name(), id));
    }

    /** Creates a revision, or replaces a stored one whole when the version sent is current. */
    @Transactional
    public V saveRevision(Long id, R request) {
        tenant.requireEnterprise();
        Header h = header(request);
        E revision = id == null ? create.get() : Lookups.require(type, kind.name(), id);
        if (id != null) {
            Versions.requireCurrent(kind.name(), id, h.version(), revision.version);
        }
        Item item = Lookups.reference(Item.class, "Item", h.itemId(), h.itemCode(), "itemId");
        Problems problems = new Problems();
        if (item.sourcing != Sourcing.MAKE) {
            problems.add("itemId", "item '" + item.code + "' is bought, not made");
        }
        Lines<E> lines = lines(request, item, problems);
        problems.refuseIfAny(kind.invalidType(), "The " + kind.nameInText() + " is not valid");
        requireRevisionFree(item, h.revision(), id);
        structures.requireNoOverlap(revision, item, h.validFrom(), h.validTo());
        structures.requireNoCycle(item, lines.consumedItemIds(), kind.consumedField());
        revision.item = item;
        revision.revision = h.revision();
        revision.validFrom = h.validFrom();
        revision.validTo = h.validTo();
        writeOwnHeader(revision, request);
        revision.clearLines();
        if (id != null) {
            Versions.flush(revision); // the old lines go before new ones with the same numbers arrive
        }
        lines.attachTo(revision);
        revision.persist();
        if (id != null) {
            Versions.bump(revision);
        }
        Versions.flush(revision);
        return view.apply(revision);
    }

    /** Deletes a revision that nothing refers to (409 otherwise). */
    @Transactional
    public void deleteRevision(long id) {
        tenant.requireEnterprise();
        Lookups.deleteUnlessReferenced(Lookups.require(type, kind.name(), id), kind.name() + " " + id);
    }

    /** A line's unit (the item's stock unit when none is given); 400 unless the quantity converts into the stock unit. */
    Unit unitOf(Item item, Long unitId, String unitCode, BigDecimal quantity, String field) {
        Unit unit = !Lookups.given(unitId, unitCode) ? item.stockUnit
                : Lookups.reference(Unit.class, "Unit", unitId, unitCode, field + ".unitId");
        units.convert(quantity, unit.id, item.stockUnit.id, item.id, field + ".unitId");
        return unit;
    }

    private void requireRevisionFree(Item item, String label, Long id) {
        long taken = finder.find("item = :item and revision = :revision and id <> :id", Sort.by("id"),
                Map.of("item", item, "revision", label, "id", id == null ? -1L : id)).count();
        if (taken > 0) {
            throw DomainException.conflict("duplicate-revision", "The revision exists",
                    "Item '" + item.code + "' already has " + kind.nameInText() + " revision " + label,
                    new FieldError("revision", "is already used for this item"));
        }
    }

    /** Every bad field of a revision request, so that one 400 names them all. */
    static final class Problems {

        private final List<FieldError> errors = new ArrayList<>();

        void add(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        /** A line's number: the one requested, else ten times its position; a number used twice in one list is a problem. */
        int lineNo(Integer requested, int index, Set<Integer> used, String field) {
            int lineNo = requested == null ? (index + 1) * 10 : requested;
            if (!used.add(lineNo)) {
                add(field + ".lineNo", "is used twice");
            }
            return lineNo;
        }

        void refuseIfAny(String type, String title) {
            if (!errors.isEmpty()) {
                throw new DomainException(ProblemKind.BAD_REQUEST, type, title,
                        errors.get(0).field() + " " + errors.get(0).message(), errors, Map.of());
            }
        }
    }
}
