package org.pilotline.erp.scheduling.solver;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class SolverArchitectureTest {

    @Test
    void theSolverUsesNoApplicationFrameworkSoItIsTestedInMilliseconds() throws Exception {
        // Importing the solver's own class folder is much faster than scanning the whole class path for the package.
        Path classes = Path.of(FiniteCapacityScheduler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaClasses solver = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(classes.resolve("org/pilotline/erp/scheduling/solver"));

        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "javax.persistence..",
                        "org.hibernate..", "org.camunda..", "io.smallrye..", "org.eclipse.microprofile..")
                .check(solver);
        if (solver.size() < 30) {
            throw new AssertionError("only " + solver.size() + " solver classes were imported");
        }
    }
}
