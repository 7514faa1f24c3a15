package org.pilotline.plc.acquisition;

import java.util.OptionalLong;

/**
 * Turns successive readings of a PLC part counter into deltas. A reading below the previous one is a rollover when
 * the counter wraps at a known modulus and the wrapped distance is less than half the range (the previous reading
 * was near the top); otherwise the counter was reset and the new reading is what was counted since the reset.
 * Plain Java; not thread-safe (one per machine signal, used under the machine's lock).
 */
public final class PartCounter {

    private Long last;

    /** The delta since the previous reading, or empty for the first reading (which only sets the baseline). */
    public OptionalLong next(long reading, Long modulus) {
        Long previous = last;
        last = reading;
        if (previous == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(delta(previous, reading, modulus));
    }

    public static long delta(long previous, long reading, Long modulus) {
        if (reading >= previous) {
            return reading - previous;
        }
        if (modulus != null && previous < modulus) {
            long wrapped = modulus - previous + reading;
            if (wrapped <= modulus / 2) {
                return wrapped;
            }
        }
        return Math.max(0, reading);
    }

    /** The modulus a counter of this OPC UA value type wraps at, if it is a bounded integer type. */
    public static Long modulusOf(Object value) {
        if (value instanceof org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte) {
            return 256L;
        }
        if (value instanceof org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort) {
            return 65_536L;
        }
        if (value instanceof org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger) {
            return 4_294_967_296L;
        }
        if (value instanceof Short) {
            return 32_768L;
        }
        if (value instanceof Integer) {
            return 2_147_483_648L;
        }
        return null;
    }
}
