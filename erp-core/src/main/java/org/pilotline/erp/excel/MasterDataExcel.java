package org.pilotline.erp.excel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Excel templates, exports and imports of master data. An import is all-or-nothing: every sheet is read and applied
 * in one transaction, every bad row is reported (sheet, row, column, reason), and any problem — or a dry run — rolls
 * the whole transaction back.
 */
@ApplicationScoped
public class MasterDataExcel {

    /** The outcome of an import: what was (or, in a dry run, would be) created, updated or left as it was. */
    public record ImportReport(boolean dryRun, boolean applied, List<ImportRun.SheetCounts> sheets,
                               List<ImportProblem> problems) {
    }

    @Inject
    TenantContext tenant;

    @Inject
    Instance<SheetHandler> handlers;

    @Inject
    TransactionManager transactions;

    @Inject
    jakarta.validation.Validator validator;

    /** A workbook with the chosen sheets (all when none is named) and no data: headers and drop-downs only. */
    public byte[] template(Set<String> sheets) {
        tenant.requireEnterprise();
        Map<SheetSpec, List<Row>> content = new LinkedHashMap<>();
        chosen(sheets).forEach(handler -> content.put(handler.spec(), List.of()));
        return WorkbookWriter.write(content);
    }

    @Transactional
    public byte[] export(Set<String> sheets) {
        tenant.requireEnterprise();
        Map<SheetSpec, List<Row>> content = new LinkedHashMap<>();
        chosen(sheets).forEach(handler -> content.put(handler.spec(), handler.export()));
        return WorkbookWriter.write(content);
    }

    /**
     * Reads and applies a workbook. With problems nothing is kept and the report lists them all (the resource answers
     * 422); a dry run applies everything, reports what it did, and rolls back.
     */
    @Transactional
    public ImportReport importWorkbook(byte[] upload, boolean dryRun) {
        tenant.requireEnterprise();
        List<WorkbookReader.ParsedSheet> sheets = WorkbookReader.read(upload);
        ImportRun run = new ImportRun(validator);
        for (WorkbookReader.ParsedSheet sheet : sheets) {
            run.begin(sheet);
            try {
                handler(sheet.spec()).apply(sheet, run);
            } catch (DomainException refusal) {
                // a refusal no row could be blamed for: still reported, and nothing is kept
                run.problem(sheet.rows().isEmpty() ? new Row(SheetSpec.FIRST_DATA_ROW, Map.of()) : sheet.rows().get(0),
                        sheet.spec().columns().get(0).key(), refusal.detail());
            }
        }
        boolean applied = !dryRun && run.problems().isEmpty();
        if (!applied) {
            rollbackOnly();
        }
        return new ImportReport(dryRun, applied, run.counts(), run.problems());
    }

    private List<SheetHandler> chosen(Set<String> sheets) {
        List<SheetHandler> chosen = new ArrayList<>();
        for (SheetSpec spec : SheetSpec.ALL) {
            if (sheets == null || sheets.isEmpty() || sheets.contains(spec.key())) {
                chosen.add(handler(spec));
            }
        }
        if (sheets != null) {
            for (String name : sheets) {
                if (SheetSpec.ALL.stream().noneMatch(s -> s.key().equals(name))) {
                    throw DomainException.invalid("unknown-sheet", "No such sheet", new FieldError("sheets",
                            "'" + name + "' is not one of " + String.join(", ", SheetSpec.ALL.stream().map(SheetSpec::key).toList())));
                }
            }
        }
        return chosen;
    }

    private SheetHandler handler(SheetSpec spec) {
        return handlers.stream().filter(h -> h.spec() == spec).findFirst().orElseThrow();
    }

    private void rollbackOnly() {
        try {
            transactions.setRollbackOnly();
        } catch (jakarta.transaction.SystemException e) {
            throw new DomainException(ProblemKind.CONFLICT, "import-failed", "The import could not be rolled back",
                    "The transaction of the import was in an unexpected state");
        }
    }
}
