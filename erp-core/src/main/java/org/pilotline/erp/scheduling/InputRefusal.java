package org.pilotline.erp.scheduling;

import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.erp.scheduling.SchedulingInput.MachineRef;
import org.pilotline.erp.scheduling.SchedulingInput.OperationRef;
import org.pilotline.erp.scheduling.solver.validation.InputProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the solver's input problems into one 422 problem+json that names each production order and operation (and
 * machine) concerned in ERP terms: {@code problems: [{kind, orderId, order, operationNo, workUnit, message}]}.
 */
final class InputRefusal {

    private InputRefusal() {
    }

    static DomainException of(SchedulingInput input, List<InputProblem> problems) {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (InputProblem problem : problems) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", problem.kind().name());
            OperationRef operation = problem.operationId() == null ? null : input.operations().get(problem.operationId());
            SchedulingInput.OrderRef order = problem.jobId() == null ? null : input.orders().get(problem.jobId());
            if (operation != null) {
                entry.put("orderId", operation.orderId());
                entry.put("order", operation.orderNumber());
                entry.put("operationNo", operation.operationNo());
                entry.put("operation", operation.name());
            } else if (order != null) {
                entry.put("orderId", order.orderId());
                entry.put("order", order.number());
            }
            MachineRef machine = problem.machineId() == null ? null : input.machines().get(problem.machineId());
            if (machine != null) {
                entry.put("workUnitId", machine.workUnitId());
                entry.put("workUnit", machine.code());
            }
            entry.put("message", message(problem, operation, machine));
            listed.add(entry);
        }
        InputProblem first = problems.get(0);
        boolean noMachine = first.kind() == InputProblem.Kind.NO_ELIGIBLE_MACHINE;
        String detail = (String) listed.get(0).get("message")
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem(s))" : "");
        return new DomainException(ProblemKind.UNPROCESSABLE, noMachine ? "no-eligible-machine" : "unschedulable",
                noMachine ? "An operation has no machine it can run on" : "The orders cannot be scheduled as they are",
                detail, List.of(), Map.of("problems", listed));
    }

    private static String message(InputProblem problem, OperationRef operation, MachineRef machine) {
        if (operation == null) {
            return problem.message();
        }
        String where = "Production order " + operation.orderNumber() + ", operation " + operation.operationNo()
                + " (" + operation.name() + ")";
        return switch (problem.kind()) {
            case NO_ELIGIBLE_MACHINE -> where + " has no eligible machine: its work center and its alternatives have"
                    + " no active work units";
            case NO_WORKING_TIME_FOR_OPERATION -> where + " fits in no working time of its machines within the horizon"
                    + " (calendar too short, or longer than any shift while breaks may not interrupt it)";
            case PIN_ON_INELIGIBLE_MACHINE, UNKNOWN_MACHINE -> where + " cannot be pinned to work unit "
                    + (machine == null ? problem.machineId() : machine.code()) + ": it cannot run there";
            case PIN_OUTSIDE_WORKING_TIME -> where + " cannot be pinned there: it does not fit the machine's working time";
            case PIN_BEFORE_RELEASE -> where + " cannot be pinned before its order's release";
            case PINS_OVERLAP -> where + " overlaps another pinned operation on its machine";
            case PINS_CONTRADICT_ROUTING -> where + " is pinned against its routing order";
            default -> where + ": " + problem.message();
        };
    }
}
