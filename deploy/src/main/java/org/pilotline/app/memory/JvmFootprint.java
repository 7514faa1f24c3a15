package org.pilotline.app.memory;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.lang.management.ManagementFactory;

/**
 * Keeps the single server's memory close to what it uses. Without -Xmx the JVM may grow its heap to a quarter of the
 * machine's memory and keep it; the suite's live data after start-up is about a hundred megabytes. So, unless the person
 * who started it chose otherwise on the command line, the heap gives back what stays free (G1's heap free ratios, which
 * are manageable at run time) and an idle server runs a periodic concurrent cycle that uncommits it; once start-up is
 * done, one collection hands back the garbage of booting.
 */
@ApplicationScoped
public class JvmFootprint {

    /** Applies the settings; called by the launcher before Quarkus starts. */
    public static void applyUnlessChosen() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotspot == null || !"true".equals(option(hotspot, "UseG1GC"))) {
            return;
        }
        // the minimum first: the maximum may never be set below it
        setIfDefault(hotspot, "MinHeapFreeRatio", "10");
        setIfDefault(hotspot, "MaxHeapFreeRatio", "30");
        setIfDefault(hotspot, "G1PeriodicGCInterval", "60000");
    }

    void afterStartUp(@Observes @Priority(2000) StartupEvent event) {
        Thread collector = new Thread(() -> {
            try {
                Thread.sleep(5_000); // let the PLC side and the demo data settle first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            System.gc();
        }, "footprint-after-start-up");
        collector.setDaemon(true);
        collector.start();
    }

    private static String option(HotSpotDiagnosticMXBean hotspot, String name) {
        try {
            return hotspot.getVMOption(name).getValue();
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static void setIfDefault(HotSpotDiagnosticMXBean hotspot, String name, String value) {
        try {
            VMOption current = hotspot.getVMOption(name);
            if (current.getOrigin() == VMOption.Origin.DEFAULT || current.getOrigin() == VMOption.Origin.ERGONOMIC) {
                hotspot.setVMOption(name, value);
            }
        } catch (IllegalArgumentException notManageable) {
            // another JVM: leave its defaults alone
        }
    }
}
