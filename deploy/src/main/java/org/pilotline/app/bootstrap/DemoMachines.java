package org.pilotline.app.bootstrap;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.pilotline.app.config.PilotLineConfig;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.tenancy.TenantContext;
import org.pilotline.plc.binding.BindingRequest;
import org.pilotline.plc.binding.BindingService;
import org.pilotline.plc.binding.BindingView;
import org.pilotline.plc.binding.IdentityKind;
import org.pilotline.plc.binding.SecurityModeChoice;
import org.pilotline.plc.binding.SecurityPolicyChoice;
import org.pilotline.plc.binding.StateMappingKind;
import org.pilotline.plc.config.SimulatorConfig;
import org.pilotline.plc.runtime.SimulatorRuntime;
import org.pilotline.plc.simulator.PlcSimulator;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds the demo enterprises' machines to the PLC simulator's machines when the bindings are missing: four CNC
 * machines of {@code demo} (M01-M04) and two mixers of {@code demo2} (M05-M06). Runs after {@link DemoData} created
 * the enterprises and before the gateway starts acquiring; {@link DemoPlants} later places them on their work units.
 */
@ApplicationScoped
public class DemoMachines {

    private static final Logger LOG = Logger.getLogger(DemoMachines.class);

    /** enterprise → (machine code → simulator machine). */
    static final Map<String, Map<String, String>> MACHINES = Map.of(
            "demo", Map.of("HZ1-CNC-01", "M01", "HZ1-CNC-02", "M02", "HZ1-CNC-03", "M03", "HZ1-CNC-04", "M04"),
            "demo2", Map.of("SZ1-MIX-01", "M05", "SZ1-MIX-02", "M06"));

    @Inject
    PilotLineConfig config;

    @Inject
    SimulatorConfig simulatorConfig;

    @Inject
    SimulatorRuntime simulator;

    @Inject
    BindingService bindings;

    @ActivateRequestContext
    void onStart(@Observes @Priority(40) StartupEvent event) {
        if (!config.demo().enabled() || !simulatorConfig.enabled()) {
            return;
        }
        MACHINES.forEach((enterprise, machines) -> TenantContext.runAs(enterprise, () -> machines.forEach((code, sim) -> {
            if (bindings.knownMachines(Set.of(code)).isEmpty()) {
                bindings.createBinding(request(code, sim));
                LOG.infof("Demo machine %s/%s bound to simulator machine %s", enterprise, code, sim);
            }
        })));
    }

    /**
     * Places the enterprise's bound machines on their work units (machine code → work unit id), in the caller's
     * enterprise; a machine already placed, or not bound, is left as it is.
     */
    void placeOnWorkUnits(String enterprise, Map<String, Long> workUnits) {
        for (BindingView binding : bindings.listBindings(PageRequest.of(0, PageRequest.MAX_SIZE, null)).items()) {
            Long unit = workUnits.get(binding.machineCode());
            if (unit != null && binding.workUnitId() == null) {
                bindings.updateBinding(binding.id(), placed(binding, unit));
                LOG.infof("Demo machine %s/%s placed on work unit %d", enterprise, binding.machineCode(), unit);
            }
        }
    }

    private static BindingRequest placed(BindingView b, long workUnitId) {
        return new BindingRequest(b.machineCode(), workUnitId, b.endpointUrl(), b.securityPolicy(), b.securityMode(),
                b.identityKind(), b.username(), null, b.identityKeyStore(), b.stateMapping(), b.itemStateNode(),
                b.operationModeNode(), b.runningNode(), b.faultNode(), b.packMlStateNode(), b.totalCountNode(),
                b.goodCountNode(), b.rejectCountNode(), b.counterModulus(), b.speedNode(), b.alarmNode(),
                b.samplingIntervalMs(), b.publishingIntervalMs(), b.version());
    }

    private BindingRequest request(String code, String simulatorMachine) {
        String base = "nsu=" + PlcSimulator.NAMESPACE_URI + ";s=" + simulatorMachine + "/";
        return new BindingRequest(code, null, simulator.endpointUrl(), SecurityPolicyChoice.None, SecurityModeChoice.None,
                IdentityKind.ANONYMOUS, null, null, null, StateMappingKind.MACHINERY,
                base + "MachineryItemState/CurrentState", base + "MachineryOperationMode/CurrentState", null, null, null,
                base + "Production/TotalCount", base + "Production/GoodCount", base + "Production/RejectCount", null,
                base + "Production/Speed", base + "Alarm", 1000.0, 1000.0, null);
    }

    static List<String> codes() {
        return MACHINES.values().stream().flatMap(m -> m.keySet().stream()).sorted().toList();
    }
}
