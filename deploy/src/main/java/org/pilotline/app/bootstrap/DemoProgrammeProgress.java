package org.pilotline.app.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** How far the generated demo programme ({@link DemoProgrammeGenerator}) got: counts for the bureau, no records. */
@ApplicationScoped
public class DemoProgrammeProgress {

    /** The whole generation. */
    public enum Overall {
        /** Not configured to run here (prod, the test profile by default) and nothing generated. */
        OFF,
        /** Under way now. */
        GENERATING,
        /** Every planned enterprise is complete. */
        COMPLETE,
        /** Stopped before the end (a stop, a crash or a failure): the next start continues. */
        INCOMPLETE
    }

    @Schema(description = "One generated pilot enterprise: its state (GENERATING, ROLLING_UP, COMPLETE, FAILED), the"
            + " days of raw history written of those planned, the machine intervals and shop-floor reports written, the"
            + " period, and when its KPI roll-ups were complete")
    public record EnterpriseProgress(String enterprise, String state, int daysDone, int daysTotal, long intervals,
                                     long reports, LocalDate firstDay, Instant historyEnd, Instant completedAt) {
    }

    @Schema(description = "The demo programme's generation: enterprises complete of those planned, days of history"
            + " written of those planned, and each enterprise's progress")
    public record ProgrammeProgress(Overall state, int enterprisesPlanned, int enterprisesComplete, int daysPlanned,
                                    int daysGenerated, List<EnterpriseProgress> enterprises) {
    }

    @Inject
    DemoHistoryStore store;

    @Inject
    DemoProgrammeGenerator generator;

    @Inject
    DemoProgrammeConfig config;

    public ProgrammeProgress progress() {
        List<DemoHistoryStore.Progress> rows = store.all();
        int planned = Math.max(generator.enterprisesPlanned(), rows.size());
        int days = rows.isEmpty() ? config.days() : rows.get(0).daysTotal();
        int complete = (int) rows.stream().filter(r -> r.state() == DemoHistoryStore.State.COMPLETE).count();
        Overall state = generator.running() ? Overall.GENERATING
                : planned == 0 ? Overall.OFF
                : complete >= planned ? Overall.COMPLETE : Overall.INCOMPLETE;
        return new ProgrammeProgress(state, planned, complete, planned * days,
                rows.stream().mapToInt(DemoHistoryStore.Progress::daysDone).sum(),
                rows.stream().map(r -> new EnterpriseProgress(r.enterprise(), r.state().name(), r.daysDone(),
                        r.daysTotal(), r.intervals(), r.reports(), r.firstDay(), r.historyEnd(), r.completedAt()))
                        .toList());
    }
}
