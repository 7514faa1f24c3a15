package org.pilotline.erp.excel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.erp.calendar.Calendar;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.equipment.Area;
import org.pilotline.erp.equipment.EquipmentService;
import org.pilotline.erp.equipment.Site;
import org.pilotline.erp.equipment.WorkCenter;
import org.pilotline.erp.equipment.EquipmentDtos.WorkCenterRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The work-center sheet: one row per work center, matched by code; missing sites and areas are created by code. */
@ApplicationScoped
public class WorkCenterSheet implements SheetHandler {

    private static final Map<String, String> DEFAULTS = Map.of("breaksInterrupt", "true");
    private static final Map<String, String> FIELDS = Map.of("parallelUnits", "parallelUnits", "hourlyRate", "hourlyRate",
            "areaId", "area", "code", "code", "name", "name");

    @Inject
    EquipmentService equipment;

    @Inject
    PlantClock clock;

    @Override
    public SheetSpec spec() {
        return SheetSpec.WORK_CENTERS;
    }

    @Override
    public List<Row> export() {
        return WorkCenter.<WorkCenter>list("order by code").stream().map(WorkCenterSheet::row).toList();
    }

    static Row row(WorkCenter w) {
        Map<String, String> v = new HashMap<>();
        v.put("code", w.code);
        v.put("name", w.name);
        v.put("site", w.area.site.code);
        v.put("area", w.area.code);
        v.put("parallelUnits", String.valueOf(w.parallelUnits));
        v.put("hourlyRate", Canon.decimal(w.hourlyRate));
        v.put("calendar", w.calendar == null ? null : w.calendar.code);
        v.put("breaksInterrupt", Canon.bool(w.breaksInterrupt));
        return new Row(0, v);
    }

    @Override
    public void apply(WorkbookReader.ParsedSheet sheet, ImportRun run) {
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : sheet.rows()) {
            if (run.hasProblems(row)) {
                continue;
            }
            Integer first = seen.putIfAbsent(row.text("code"), row.number());
            if (first != null) {
                run.problem(row, "code", "work center '" + row.text("code") + "' is already in row " + first);
                continue;
            }
            Long calendarId = null;
            if (row.has("calendar")) {
                Optional<Calendar> calendar = Calendar.find("code", row.text("calendar")).firstResultOptional();
                if (calendar.isEmpty()) {
                    run.problem(row, "calendar", "no calendar '" + row.text("calendar") + "'");
                    continue;
                }
                calendarId = calendar.get().id;
            }
            Optional<WorkCenter> existing = WorkCenter.find("code", row.text("code")).firstResultOptional();
            if (existing.isPresent() && Canon.same(spec(), row(existing.get()).values(), Canon.withDefaults(row, DEFAULTS))) {
                run.unchanged();
                continue;
            }
            WorkCenterRequest probe = new WorkCenterRequest(0L, row.text("code"), row.text("name"), row.integer("parallelUnits"),
                    row.decimal("hourlyRate"), calendarId, row.bool("breaksInterrupt"), null);
            if (!run.valid(probe, List.of(row), FIELDS, "code") || !run.writable()) {
                continue;
            }
            try {
                Area area = areaFor(row);
                equipment.saveWorkCenter(existing.map(w -> w.id).orElse(null), new WorkCenterRequest(area.id,
                        row.text("code"), row.text("name"), row.integer("parallelUnits"), row.decimal("hourlyRate"),
                        calendarId, row.bool("breaksInterrupt"), existing.map(w -> w.version).orElse(null)));
                if (existing.isPresent()) {
                    run.updated();
                } else {
                    run.created();
                }
            } catch (DomainException refusal) {
                run.refused(row, refusal, FIELDS, "code");
            }
        }
    }

    /** The area named on the row, created (and its site) when the enterprise has none of that code yet. */
    private Area areaFor(Row row) {
        Site site = Site.<Site>find("code", row.text("site")).firstResultOptional().orElseGet(() -> {
            Site created = new Site();
            created.code = row.text("site");
            created.name = row.text("site");
            created.timeZone = clock.zone().getId();
            created.persist();
            return created;
        });
        Area area = Area.<Area>find("code", row.text("area")).firstResultOptional().orElseGet(() -> {
            Area created = new Area();
            created.site = site;
            created.code = row.text("area");
            created.name = row.text("area");
            created.persist();
            return created;
        });
        if (!area.site.id.equals(site.id)) {
            throw DomainException.invalid("invalid-area", "The area belongs to another site",
                    new org.pilotline.platform.problem.FieldError("areaId", "area '" + area.code + "' is in site " + area.site.code));
        }
        return area;
    }
}
