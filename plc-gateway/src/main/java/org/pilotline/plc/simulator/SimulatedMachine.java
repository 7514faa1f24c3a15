package org.pilotline.plc.simulator;

import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.pilotline.plc.contract.MachineryItemState;
import org.pilotline.plc.contract.MachineryOperationMode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

/**
 * One simulated machine, driven by a seeded scenario in simulated time: it produces parts, has micro-stops,
 * breakdowns and setups, and scraps a share of its parts. Every state or mode change is written with its exact
 * scheduled time as the source timestamp and remembered, so tests can compare what the gateway saw with what happened.
 */
public final class SimulatedMachine {

    /** The nodes below the machine's folder. */
    public static final String ITEM_STATE = "MachineryItemState/CurrentState";
    public static final String ITEM_STATE_NUMBER = "MachineryItemState/CurrentState/Number";
    public static final String OPERATION_MODE = "MachineryOperationMode/CurrentState";
    public static final String TOTAL = "Production/TotalCount";
    public static final String GOOD = "Production/GoodCount";
    public static final String REJECT = "Production/RejectCount";
    public static final String SPEED = "Production/Speed";
    public static final String ALARM = "Alarm";
    public static final String RUNNING = "Flags/Running";
    public static final String FAULT = "Flags/Fault";
    public static final String PACKML = "PackML/State";

    private enum Phase { PRODUCING, MICRO_STOP, BREAKDOWN, SETUP }

    private final String name;
    private final ScenarioSettings scenario;
    private final Random random;
    private final MachineOutputs outputs;
    private final List<Transition> transitions = new ArrayList<>();

    private MachineryItemState state = MachineryItemState.EXECUTING;
    private MachineryOperationMode mode = MachineryOperationMode.PROCESSING;
    private Phase phase = Phase.PRODUCING;
    private Instant nextEventAt;
    private Instant lastCounterWrite;
    private long total;
    private long good;
    private long reject;
    private long partsProduced;
    private long partsSinceSetup;
    private boolean paused;

    SimulatedMachine(String name, ScenarioSettings scenario, long seed, MachineOutputs outputs, Instant start) {
        this.name = name;
        this.scenario = scenario;
        this.random = new Random(seed);
        this.outputs = outputs;
        this.nextEventAt = start.plusMillis(vary(scenario.cycleTimeMs()));
    }

    public String name() {
        return name;
    }

    /** Writes every tag once (at start-up, and after a server restart). */
    synchronized void publishAll(Instant at) {
        boolean first = transitions.isEmpty();
        writeState(at, first);
        writeMode(at, first);
        writeCounters(at);
        outputs.write(name, SPEED, speed(), at);
        outputs.write(name, ALARM, state == MachineryItemState.OUT_OF_SERVICE, at);
    }

    /** Runs the scenario up to {@code now}. */
    synchronized void advanceTo(Instant now) {
        while (!paused && !nextEventAt.isAfter(now)) {
            Instant at = nextEventAt;
            switch (phase) {
                case PRODUCING -> finishPart(at);
                case MICRO_STOP, BREAKDOWN -> resume(at);
                case SETUP -> {
                    mode = MachineryOperationMode.PROCESSING;
                    writeMode(at, true);
                    resume(at);
                }
            }
        }
    }

    private void finishPart(Instant at) {
        total++;
        partsProduced++;
        partsSinceSetup++;
        if (random.nextDouble() < scenario.scrapRate()) {
            reject++;
        } else {
            good++;
        }
        writeCounters(at);
        double dice = random.nextDouble();
        if (scenario.partsPerSetup() > 0 && partsSinceSetup >= scenario.partsPerSetup()) {
            partsSinceSetup = 0;
            phase = Phase.SETUP;
            changeState(MachineryItemState.NOT_EXECUTING, at);
            mode = MachineryOperationMode.SETUP;
            writeMode(at, true);
            nextEventAt = at.plusMillis(vary(scenario.setupMs()));
        } else if (dice < scenario.breakdownProbability()) {
            phase = Phase.BREAKDOWN;
            changeState(MachineryItemState.OUT_OF_SERVICE, at);
            nextEventAt = at.plusMillis(vary(scenario.breakdownMs()));
        } else if (dice < scenario.breakdownProbability() + scenario.microStopProbability()) {
            phase = Phase.MICRO_STOP;
            changeState(MachineryItemState.NOT_EXECUTING, at);
            nextEventAt = at.plusMillis(vary(scenario.microStopMs()));
        } else {
            nextEventAt = at.plusMillis(vary(scenario.cycleTimeMs()));
        }
    }

    private void resume(Instant at) {
        phase = Phase.PRODUCING;
        changeState(MachineryItemState.EXECUTING, at);
        nextEventAt = at.plusMillis(vary(scenario.cycleTimeMs()));
    }

    private void changeState(MachineryItemState newState, Instant at) {
        state = newState;
        writeState(at, true);
        outputs.write(name, SPEED, speed(), at);
        outputs.write(name, ALARM, state == MachineryItemState.OUT_OF_SERVICE, at);
    }

    private void writeState(Instant at, boolean record) {
        if (record) transitions.add(new Transition(name, Transition.Kind.ITEM_STATE, state.browseName(), at));
        outputs.write(name, ITEM_STATE, new LocalizedText("en", state.browseName()), at);
        outputs.write(name, ITEM_STATE_NUMBER, uint(state.number()), at);
        outputs.write(name, RUNNING, state == MachineryItemState.EXECUTING, at);
        outputs.write(name, FAULT, state == MachineryItemState.OUT_OF_SERVICE, at);
        outputs.write(name, PACKML, packMl(), at);
    }

    private void writeMode(Instant at, boolean record) {
        if (record) transitions.add(new Transition(name, Transition.Kind.OPERATION_MODE, mode.browseName(), at));
        outputs.write(name, OPERATION_MODE, new LocalizedText("en", mode.browseName()), at);
    }

    private void writeCounters(Instant at) {
        // a PLC stamps successive counter values with successive times; two writes in the same 100 ns tick of an
        // OPC UA DateTime would look like a repeat of one value to a client
        if (lastCounterWrite != null && !at.isAfter(lastCounterWrite.plusNanos(99))) {
            at = lastCounterWrite.plusNanos(100);
        }
        lastCounterWrite = at;
        outputs.write(name, TOTAL, counter(total), at);
        outputs.write(name, GOOD, counter(good), at);
        outputs.write(name, REJECT, counter(reject), at);
    }

    Object counter(long value) {
        long wrapped = value % scenario.counterModulus();
        return scenario.counterModulus() <= 65_536 ? (Object) ushort((int) wrapped) : uint(wrapped);
    }

    private int packMl() {
        return switch (state) {
            case EXECUTING -> 6;
            case OUT_OF_SERVICE -> 9;
            case NOT_EXECUTING -> phase == Phase.SETUP ? 4 : 5;
            case NOT_AVAILABLE -> 0;
        };
    }

    private double speed() {
        return state == MachineryItemState.EXECUTING ? 60_000.0 / scenario.cycleTimeMs() : 0.0;
    }

    private long vary(long mean) {
        return Math.max(1, Math.round(mean * (0.5 + random.nextDouble())));
    }

    // ---- what tests and operators can ask or do ----

    /** Every state and mode change so far, the first publication included. */
    public synchronized List<Transition> transitions() {
        return List.copyOf(transitions);
    }

    /** Parts made since the simulator started (unaffected by counter resets). */
    public synchronized long[] partsMade() {
        return new long[]{partsProduced, good, reject};
    }

    /** Stops the scenario clock (no more transitions) until {@link #resumeScenario}. */
    public synchronized void pauseScenario() {
        paused = true;
    }

    public synchronized void resumeScenario(Instant now) {
        paused = false;
        nextEventAt = now.plusMillis(vary(scenario.cycleTimeMs()));
    }

    /** Writes the part counters directly, as a PLC whose counters are reset or preset does. */
    public synchronized void setCounters(long newTotal, long newGood, long newReject, Instant at) {
        total = newTotal;
        good = newGood;
        reject = newReject;
        writeCounters(at);
    }

    /** Makes one part now (counters only), for counter tests. */
    public synchronized void makePart(boolean scrap, Instant at) {
        total++;
        if (scrap) {
            reject++;
        } else {
            good++;
        }
        writeCounters(at);
    }

    /** Forces an operation-mode change now, for tests. */
    public synchronized void forceMode(MachineryOperationMode newMode, Instant at) {
        mode = newMode;
        writeMode(at, true);
    }

    /** Forces a state change now, for tests. */
    public synchronized void forceState(MachineryItemState newState, Instant at) {
        changeState(newState, at);
    }
}
