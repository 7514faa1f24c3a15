package org.pilotline.plc.acquisition;

import org.pilotline.plc.binding.MachineBinding;
import org.pilotline.plc.binding.StateMappingKind;
import org.pilotline.plc.contract.DataLossRecorded;
import org.pilotline.plc.contract.MachineEvent;
import org.pilotline.plc.contract.MachineStateChanged;
import org.pilotline.plc.contract.MachineryItemState;
import org.pilotline.plc.contract.MachineryOperationMode;
import org.pilotline.plc.contract.PartCountDelta;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Derives one machine's events from its signal values: state changes from the state signals (per the binding's
 * mapping), part-count deltas from the counters, and data-loss events. A value whose source timestamp is not newer
 * than the last one applied for its signal is a repeat (an initial value after re-subscribing, a republished value)
 * and is ignored, so no transition is reported twice. Because of that, every value must come from one ordered stream
 * per signal: the connection feeds the monitored items' notifications only (their initial values are the current
 * values) and never a separately read value, which would be newer than changes still queued on the server and make
 * them look like repeats. Every event gets the next sequence number.
 * <p>
 * A tracker that starts where an earlier one (another process, another replica, or this gateway before a re-bind)
 * last knew the machine first reports the span from that last contact to its own first value as a
 * {@code DataLossRecorded}: what happened in between was not observed.
 */
public final class MachineTracker {

    private final MachineBinding binding;
    private final MachineEventSink sink;
    private final SequenceBlocks blocks;
    private final Clock clock;

    private final Map<Signal, Instant> lastApplied = new EnumMap<>(Signal.class);
    private final Map<Signal, Object> lastValue = new EnumMap<>(Signal.class);
    private final Map<Signal, PartCounter> counters = new EnumMap<>(Signal.class);
    private MachineryItemState state;
    private MachineryOperationMode mode;
    private long block;
    private long nextInBlock = SequenceBlocks.BLOCK_SIZE;
    private Instant resumeFrom;
    private volatile boolean baseline;

    public MachineTracker(MachineBinding binding, MachineEventSink sink, SequenceBlocks blocks) {
        this(binding, sink, blocks, Clock.systemUTC(), null);
    }

    /**
     * @param resumeFrom the last contact an earlier acquisition of this machine recorded, or null when there was none
     */
    public MachineTracker(MachineBinding binding, MachineEventSink sink, SequenceBlocks blocks, Clock clock,
                          Instant resumeFrom) {
        this.binding = binding;
        this.sink = sink;
        this.blocks = blocks;
        this.clock = clock;
        this.resumeFrom = resumeFrom;
    }

    /** True once a first value was applied: from then on the connection's contacts are this machine's. */
    public boolean hasBaseline() {
        return baseline;
    }

    /** The earlier last contact not yet reported as a gap (no value applied yet), or null. */
    public synchronized Instant pendingResume() {
        return resumeFrom;
    }

    public MachineBinding binding() {
        return binding;
    }

    public synchronized MachineryItemState currentState() {
        return state;
    }

    /**
     * Applies the values of one notification message in the given order (the connection sorts them by source time);
     * counter deltas are summed into one event.
     */
    public synchronized void apply(List<SignalValue> values) {
        if (values.isEmpty()) {
            return;
        }
        if (resumeFrom != null) {
            // widened by one publishing interval: a change just before the last contact may not have been published
            emit(new DataLossRecorded(binding.machineCode(), nextSequence(),
                    resumeFrom.minus(Duration.ofMillis((long) binding.publishingIntervalMs())), clock.instant(),
                    "the gateway was not acquiring this machine between its last contact and its first value"
                            + " (gateway stopped or crashed, binding changed, or acquisition moved to another replica)"));
            resumeFrom = null;
        }
        baseline = true;
        long total = 0;
        long good = 0;
        long reject = 0;
        boolean counted = false;
        Instant countSource = null;
        Instant countServer = null;
        for (SignalValue v : values) {
            Instant previous = lastApplied.get(v.signal());
            if (previous != null && v.sourceTime() != null && !v.sourceTime().isAfter(previous)) {
                continue;
            }
            if (v.overflow() && previous != null) {
                emit(new DataLossRecorded(binding.machineCode(), nextSequence(), previous, v.sourceTime(),
                        "the server's queue for " + v.signal() + " overflowed: older values were discarded"));
            }
            if (v.sourceTime() != null) {
                lastApplied.put(v.signal(), v.sourceTime());
            }
            lastValue.put(v.signal(), v.good() ? v.value() : null);
            if (v.signal().isState()) {
                deriveState(v, previous == null);
            } else if (v.signal().isCounter() && v.good() && v.value() instanceof Number n) {
                Long modulus = binding.counterModulus() != null ? binding.counterModulus() : PartCounter.modulusOf(v.value());
                OptionalLong delta = counters.computeIfAbsent(v.signal(), s -> new PartCounter()).next(n.longValue(), modulus);
                if (delta.isPresent() && delta.getAsLong() > 0) {
                    counted = true;
                    switch (v.signal()) {
                        case TOTAL_COUNT -> total += delta.getAsLong();
                        case GOOD_COUNT -> good += delta.getAsLong();
                        default -> reject += delta.getAsLong();
                    }
                    countSource = v.sourceTime();
                    countServer = v.serverTime();
                }
            }
        }
        if (counted) {
            if (binding.goodCountNode() == null && binding.rejectCountNode() != null) {
                good = Math.max(0, total - reject);
            } else if (binding.rejectCountNode() == null && binding.goodCountNode() != null) {
                reject = Math.max(0, total - good);
            }
            emit(new PartCountDelta(binding.machineCode(), nextSequence(), total, good, reject, countSource, countServer));
        }
    }

    /** The gateway could not observe this machine in [from, to]. */
    public synchronized void recordLoss(Instant from, Instant to, String reason) {
        emit(new DataLossRecorded(binding.machineCode(), nextSequence(), from, to, reason));
    }

    private void deriveState(SignalValue v, boolean firstOfSignal) {
        MachineryItemState newState = state;
        MachineryOperationMode newMode = mode;
        StateMappingKind mapping = binding.stateMapping();
        switch (v.signal()) {
            case ITEM_STATE -> newState = v.good() ? StateMappings.itemState(v.value()) : MachineryItemState.NOT_AVAILABLE;
            case OPERATION_MODE -> newMode = v.good() ? StateMappings.operationMode(v.value()).orElse(null) : null;
            case PACKML_STATE -> newState = v.good() && v.value() instanceof Number n
                    ? StateMappings.fromPackMl(n.longValue()) : MachineryItemState.NOT_AVAILABLE;
            case RUNNING, FAULT -> {
                if (mapping == StateMappingKind.RUNNING_FAULT_FLAGS) {
                    Boolean running = StateMappings.flag(lastValue.get(Signal.RUNNING));
                    Boolean fault = StateMappings.flag(lastValue.get(Signal.FAULT));
                    if (running == null && fault == null) {
                        return;
                    }
                    if (running == null || fault == null) {
                        // the other flag has not been seen yet: wait for it rather than report NotAvailable
                        if (!lastValue.containsKey(Signal.RUNNING) || !lastValue.containsKey(Signal.FAULT)) {
                            return;
                        }
                    }
                    newState = StateMappings.fromFlags(running, fault);
                }
            }
            default -> {
            }
        }
        if (newState == null || state == null || firstOfSignal) {
            // the first value of each signal is the baseline, not a transition
            state = newState;
            mode = newMode;
            return;
        }
        if (newState != state || newMode != mode) {
            MachineryItemState from = state;
            state = newState;
            mode = newMode;
            emit(new MachineStateChanged(binding.machineCode(), nextSequence(), from, newState, newMode,
                    v.sourceTime(), v.serverTime()));
        }
    }

    private void emit(MachineEvent event) {
        sink.accept(binding.tenant(), event);
    }

    private long nextSequence() {
        if (nextInBlock >= SequenceBlocks.BLOCK_SIZE) {
            block = blocks.reserve(binding.tenant(), binding.machineCode());
            nextInBlock = 0;
        }
        return block * SequenceBlocks.BLOCK_SIZE + nextInBlock++;
    }
}
