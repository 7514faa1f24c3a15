package org.pilotline.app.bootstrap;

import java.util.function.Consumer;

/**
 * One step of seeding a demo plant, named for the log and the progress row. A step creates only what is missing, so
 * running it again — when a seeding is resumed after a stop — completes it without doubling anything.
 */
record SeedingStep(String name, Consumer<PlantBuilder> work) {
}
