package org.pilotline.testing;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Declares the shared database for every {@code @QuarkusTest} of the run (not restricted to an annotated class, so
 * all test classes keep one profile, one database and one application boot).
 */
@QuarkusTestResource(value = MariaDbTestResource.class, restrictToAnnotatedClass = false)
public final class SharedTestDatabase {

    private SharedTestDatabase() {
    }
}
