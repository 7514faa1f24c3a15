package org.pilotline.bpm.tasks;

import org.pilotline.platform.problem.FieldError;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the values a person sends to complete a task against the task's form (the {@code camunda:formField}s of its
 * user task): every field the form requires is there, each value has the field's type and fits its constraints, and
 * nothing is sent that the form does not have. Plain Java: what is wrong comes back as {@link FieldError}s named
 * {@code variables.<field>}, the JSON path the client sent.
 */
public final class TaskFormRules {

    /** One form field: its id, type ({@code string}, {@code long}, {@code boolean}, {@code enum}), constraints. */
    public record Field(String id, String label, String type, boolean required, Integer minLength, Integer maxLength,
                        Long min, Long max, Set<String> values) {
    }

    /** The values converted to the form's types, or what is wrong with them. */
    public record Checked(Map<String, Object> values, List<FieldError> problems) {
    }

    private TaskFormRules() {
    }

    /**
     * Checks {@code sent} against {@code form}. A task without a form takes plain values (string, number, boolean,
     * null). With {@code requireAll} false (a delegate resolving a task for its owner) missing required fields pass.
     */
    public static Checked check(List<Field> form, Map<String, Object> sent, boolean requireAll) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<FieldError> problems = new ArrayList<>();
        Map<String, Object> given = sent == null ? Map.of() : sent;
        if (form.isEmpty()) {
            given.forEach((name, value) -> {
                if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
                    values.put(name, value);
                } else {
                    problems.add(error(name, "must be a string, number, boolean or null"));
                }
            });
            return new Checked(values, problems);
        }
        Map<String, Field> byId = new LinkedHashMap<>();
        form.forEach(f -> byId.put(f.id(), f));
        given.keySet().stream().filter(name -> !byId.containsKey(name)).sorted()
                .forEach(name -> problems.add(error(name, "is not a field of this task (fields: "
                        + String.join(", ", byId.keySet()) + ")")));
        for (Field field : form) {
            Object value = given.get(field.id());
            if (value == null) {
                if (field.required() && requireAll) {
                    problems.add(error(field.id(), "is required"));
                }
                continue;
            }
            String problem = problemOf(field, value);
            if (problem != null) {
                problems.add(error(field.id(), problem));
            } else {
                values.put(field.id(), convert(field, value));
            }
        }
        return new Checked(values, problems);
    }

    private static String problemOf(Field field, Object value) {
        switch (field.type()) {
            case "boolean":
                return value instanceof Boolean ? null : "must be true or false";
            case "long": {
                BigInteger integer = integerOf(value);
                if (integer == null) {
                    return "must be a whole number";
                }
                if (field.min() != null && integer.compareTo(BigInteger.valueOf(field.min())) < 0) {
                    return "must be at least " + field.min();
                }
                if (field.max() != null && integer.compareTo(BigInteger.valueOf(field.max())) > 0) {
                    return "must be at most " + field.max();
                }
                return integer.bitLength() < 64 ? null : "is too large";
            }
            case "enum":
                if (!(value instanceof String s) || !field.values().contains(s)) {
                    return "must be one of " + String.join(", ", field.values());
                }
                return null;
            default: {
                if (!(value instanceof String s)) {
                    return "must be text";
                }
                if (field.minLength() != null && s.length() < field.minLength()) {
                    return "must have at least " + field.minLength() + " characters";
                }
                if (field.maxLength() != null && s.length() > field.maxLength()) {
                    return "must have at most " + field.maxLength() + " characters";
                }
                if (field.required() && s.isBlank()) {
                    return "must not be blank";
                }
                return null;
            }
        }
    }

    private static Object convert(Field field, Object value) {
        return "long".equals(field.type()) ? integerOf(value).longValue() : value;
    }

    private static BigInteger integerOf(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger b) {
            return b;
        }
        if (value instanceof Double || value instanceof Float) {
            double v = ((Number) value).doubleValue();
            return Double.isFinite(v) ? integerOf(BigDecimal.valueOf(v)) : null;
        }
        if (value instanceof BigDecimal d) {
            try {
                return d.toBigIntegerExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    private static FieldError error(String field, String message) {
        return new FieldError("variables." + field, message);
    }
}
