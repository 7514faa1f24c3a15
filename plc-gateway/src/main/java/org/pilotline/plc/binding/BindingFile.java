package org.pilotline.plc.binding;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Machine bindings from a JSON file, for a gateway running alone at a plant's edge: an array of objects with the
 * fields of {@link MachineBinding} ({@code tenant} may be left out; the edge tenant is used).
 */
public final class BindingFile {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private BindingFile() {
    }

    public static List<MachineBinding> read(Path file, String tenant) {
        try {
            List<MachineBinding> bindings = MAPPER.readValue(file.toFile(), new TypeReference<List<MachineBinding>>() {
            });
            return bindings.stream().map(b -> b.tenant() != null ? b : withTenant(b, tenant)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bindings file " + file, e);
        }
    }

    private static MachineBinding withTenant(MachineBinding b, String tenant) {
        return new MachineBinding(tenant, b.machineCode(), b.workUnitId(), b.endpointUrl(), b.securityPolicy(),
                b.securityMode(), b.identityKind(), b.username(), b.password(), b.identityKeyStore(), b.stateMapping(),
                b.itemStateNode(), b.operationModeNode(), b.runningNode(), b.faultNode(), b.packMlStateNode(),
                b.totalCountNode(), b.goodCountNode(), b.rejectCountNode(), b.counterModulus(), b.speedNode(),
                b.alarmNode(), b.samplingIntervalMs(), b.publishingIntervalMs());
    }
}
