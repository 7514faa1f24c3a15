/**
 * The finite-capacity scheduling solver: a plain-Java model of operations, machines and calendars
 * ({@link org.pilotline.erp.scheduling.solver.model}), its validation into typed input problems, a constructive dispatch
 * heuristic, a Google OR-Tools CP-SAT model and search, and an independent schedule verifier.
 *
 * <p>Time is an integer number of minutes counted from the horizon start (any other integer unit works the same way as
 * long as every number of one problem uses it; the benchmark uses the unit of the instance file). The service layer
 * converts {@code Instant}s to and from this scale. No framework types live here, so the solver is unit-tested in
 * milliseconds.
 *
 * <p>The entry point is {@link org.pilotline.erp.scheduling.solver.FiniteCapacityScheduler#solve}.
 */
package org.pilotline.erp.scheduling.solver;
