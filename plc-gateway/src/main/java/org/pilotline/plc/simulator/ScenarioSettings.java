package org.pilotline.plc.simulator;

/**
 * What the simulated machines do. Durations are means; each occurrence varies by ±50 % (seeded).
 *
 * @param seed                 the random seed: the same seed and start time give the same transitions
 * @param cycleTimeMs          time to make one part while executing
 * @param microStopProbability chance per part of a micro-stop (NotExecuting, still in Processing)
 * @param microStopMs          mean micro-stop length
 * @param breakdownProbability chance per part of a breakdown (OutOfService)
 * @param breakdownMs          mean breakdown length
 * @param partsPerSetup        parts between two setups (operation mode Setup, NotExecuting); 0 for none
 * @param setupMs              mean setup length
 * @param scrapRate            share of parts that are rejects
 * @param counterModulus       where the part counters roll over: 65536 makes them UInt16 nodes, otherwise UInt32
 */
public record ScenarioSettings(long seed, long cycleTimeMs, double microStopProbability, long microStopMs,
                               double breakdownProbability, long breakdownMs, int partsPerSetup, long setupMs,
                               double scrapRate, long counterModulus) {

    /** A plausible discrete line: 4 s cycles, frequent micro-stops, a setup every 200 parts. */
    public static ScenarioSettings demo(long seed) {
        return new ScenarioSettings(seed, 4_000, 0.05, 3_000, 0.005, 60_000, 200, 120_000, 0.02, 4_294_967_296L);
    }

    /** Fast and eventful, for tests: many transitions per second. */
    public static ScenarioSettings busy(long seed) {
        return new ScenarioSettings(seed, 40, 0.25, 60, 0.05, 150, 20, 120, 0.1, 4_294_967_296L);
    }

    public ScenarioSettings withCounterModulus(long modulus) {
        return new ScenarioSettings(seed, cycleTimeMs, microStopProbability, microStopMs, breakdownProbability,
                breakdownMs, partsPerSetup, setupMs, scrapRate, modulus);
    }

    public ScenarioSettings withCycleTime(long ms) {
        return new ScenarioSettings(seed, ms, microStopProbability, microStopMs, breakdownProbability, breakdownMs,
                partsPerSetup, setupMs, scrapRate, counterModulus);
    }
}
