package org.pilotline.bpm.purchase;

import java.util.Arrays;
import java.util.List;

/**
 * The approval chain kept as text ("manager,admin") rather than a list variable, which the engine could only store with
 * Java serialization (disabled). Plain Java.
 */
public final class ApprovalSteps {

    private ApprovalSteps() {
    }

    static List<String> parse(String chain) {
        if (chain == null || chain.isBlank()) {
            return List.of();
        }
        return Arrays.stream(chain.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
