package org.pilotline.gateway;

import io.restassured.response.Response;

import java.util.HashMap;
import java.util.Map;

/** Request bodies of machine bindings, pointing at the test profile's PLC simulator. */
public final class Bindings {

    public static final String SIMULATOR = "opc.tcp://localhost:48411/pilotline";
    private static final String NODES = "nsu=urn:pilotline:plc-simulator;s=M01/";

    private Bindings() {
    }

    public static Map<String, Object> newBody(String unique) {
        Map<String, Object> body = new HashMap<>();
        body.put("machineCode", "T-" + unique);
        body.put("endpointUrl", SIMULATOR);
        body.put("securityPolicy", "None");
        body.put("securityMode", "None");
        body.put("identityKind", "ANONYMOUS");
        body.put("stateMapping", "MACHINERY");
        body.put("itemStateNode", NODES + "MachineryItemState/CurrentState");
        body.put("operationModeNode", NODES + "MachineryOperationMode/CurrentState");
        body.put("totalCountNode", NODES + "Production/TotalCount");
        body.put("samplingIntervalMs", 1000);
        body.put("publishingIntervalMs", 1000);
        return body;
    }

    public static Map<String, Object> updateBody(Response created) {
        Map<String, Object> body = newBody("X");
        body.put("machineCode", created.path("machineCode"));
        body.put("publishingIntervalMs", 500);
        body.put("version", created.path("version"));
        return body;
    }
}
