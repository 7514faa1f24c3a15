package org.pilotline.plc.binding;

import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.pilotline.platform.problem.FieldError;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The rules a machine binding must satisfy, as the fields that break them (empty when valid). Plain Java. */
public final class BindingRules {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private BindingRules() {
    }

    public static List<FieldError> problems(MachineBinding b) {
        List<FieldError> problems = new ArrayList<>();
        if (b.machineCode() == null || !CODE.matcher(b.machineCode()).matches()) {
            problems.add(new FieldError("machineCode", "must be 1-64 letters, digits, '.', '_' or '-'"));
        }
        if (b.endpointUrl() == null || !validEndpoint(b.endpointUrl())) {
            problems.add(new FieldError("endpointUrl", "must be an opc.tcp://host:port/path URL"));
        }
        if (b.securityPolicy() == null) {
            problems.add(new FieldError("securityPolicy", "is required"));
        }
        if (b.securityMode() == null) {
            problems.add(new FieldError("securityMode", "is required"));
        }
        if (b.securityPolicy() != null && b.securityMode() != null
                && (b.securityPolicy() == SecurityPolicyChoice.None) != (b.securityMode() == SecurityModeChoice.None)) {
            problems.add(new FieldError("securityMode", "must be None exactly when securityPolicy is None"));
        }
        identity(b, problems);
        stateNodes(b, problems);
        node("totalCountNode", b.totalCountNode(), false, problems);
        node("goodCountNode", b.goodCountNode(), false, problems);
        node("rejectCountNode", b.rejectCountNode(), false, problems);
        node("speedNode", b.speedNode(), false, problems);
        node("alarmNode", b.alarmNode(), false, problems);
        if (b.counterModulus() != null && b.counterModulus() < 2) {
            problems.add(new FieldError("counterModulus", "must be at least 2"));
        }
        if (!(b.samplingIntervalMs() >= 0 && b.samplingIntervalMs() <= 3_600_000)) {
            problems.add(new FieldError("samplingIntervalMs", "must be between 0 and 3600000"));
        }
        if (!(b.publishingIntervalMs() >= 10 && b.publishingIntervalMs() <= 3_600_000)) {
            problems.add(new FieldError("publishingIntervalMs", "must be between 10 and 3600000"));
        }
        return problems;
    }

    private static void identity(MachineBinding b, List<FieldError> problems) {
        if (b.identityKind() == null) {
            problems.add(new FieldError("identityKind", "is required"));
            return;
        }
        switch (b.identityKind()) {
            case ANONYMOUS -> {
            }
            case USERNAME -> {
                if (blank(b.username())) {
                    problems.add(new FieldError("username", "is required for identity USERNAME"));
                }
                if (b.password() == null) {
                    problems.add(new FieldError("password", "is required for identity USERNAME"));
                }
            }
            case CERTIFICATE -> {
                if (blank(b.identityKeyStore())) {
                    problems.add(new FieldError("identityKeyStore", "is required for identity CERTIFICATE"));
                }
            }
        }
    }

    private static void stateNodes(MachineBinding b, List<FieldError> problems) {
        if (b.stateMapping() == null) {
            problems.add(new FieldError("stateMapping", "is required"));
            return;
        }
        switch (b.stateMapping()) {
            case MACHINERY -> {
                node("itemStateNode", b.itemStateNode(), true, problems);
                node("operationModeNode", b.operationModeNode(), false, problems);
            }
            case RUNNING_FAULT_FLAGS -> {
                node("runningNode", b.runningNode(), true, problems);
                node("faultNode", b.faultNode(), true, problems);
            }
            case PACKML -> node("packMlStateNode", b.packMlStateNode(), true, problems);
        }
    }

    private static void node(String field, String value, boolean required, List<FieldError> problems) {
        if (blank(value)) {
            if (required) {
                problems.add(new FieldError(field, "is required for this state mapping"));
            }
            return;
        }
        if (!parses(value)) {
            problems.add(new FieldError(field, "'" + value + "' is not an OPC UA node id (e.g. ns=2;s=Machine/State)"));
        }
    }

    private static boolean parses(String nodeId) {
        try {
            ExpandedNodeId.parse(nodeId);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean validEndpoint(String url) {
        try {
            URI uri = new URI(url);
            return "opc.tcp".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
