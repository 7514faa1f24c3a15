package org.pilotline.plc.binding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.pilotline.plc.contract.MachineDirectory;

import java.util.HashMap;
import java.util.Map;

/** The gateway's side of the event contract's {@link MachineDirectory}: the work unit each bound machine is. */
@ApplicationScoped
public class BindingDirectory implements MachineDirectory {

    /**
     * Called by consumers of a batch inside the ingest transaction, which runs as the batch's enterprise; the
     * enterprise is named in the query as well, so another unit of work's tenant cannot widen it.
     */
    @Override
    @Transactional
    public Map<String, Long> workUnitsOf(String tenant) {
        Map<String, Long> units = new HashMap<>();
        MachineBindingEntity.<MachineBindingEntity>find("tenantId = ?1 and workUnitId is not null", tenant).stream()
                .forEach(binding -> units.put(binding.machineCode, binding.workUnitId));
        return units;
    }
}
