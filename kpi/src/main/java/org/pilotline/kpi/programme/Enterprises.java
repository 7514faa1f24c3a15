package org.pilotline.kpi.programme;

import org.pilotline.erp.enterprise.Enterprise;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

import java.util.ArrayList;
import java.util.List;

/** References to pilot enterprises in the programme's requests: each must exist (400 naming the field). */
final class Enterprises {

    private Enterprises() {
    }

    static Enterprise require(String field, String code) {
        return Enterprise.findByCode(code).orElseThrow(() -> DomainException.invalid("unknown-reference",
                "The request refers to an enterprise that does not exist",
                new FieldError(field, "no enterprise has the code '" + code + "'")));
    }

    static void requireAll(String field, List<String> codes) {
        requireAll(field, "", codes);
    }

    /** Each code of a list must exist; a missing one is named {@code field[i]suffix} (suffix: ".enterprise"). */
    static void requireAll(String field, String suffix, List<String> codes) {
        List<FieldError> problems = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (Enterprise.findByCode(codes.get(i)).isEmpty()) {
                problems.add(new FieldError(field + "[" + i + "]" + suffix, "no enterprise has the code '" + codes.get(i) + "'"));
            }
        }
        if (codes.stream().distinct().count() != codes.size()) {
            problems.add(new FieldError(field, "names an enterprise twice"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid("unknown-reference", "The request refers to enterprises that do not exist",
                    problems.toArray(FieldError[]::new));
        }
    }
}
