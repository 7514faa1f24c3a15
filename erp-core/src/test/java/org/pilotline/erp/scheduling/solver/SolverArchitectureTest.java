package org.pilotline.erp.scheduling.solver;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class SolverArchitectureTest {

    @Test
    void theSolverUsesNoApplicationFrameworkSoItIsTestedInMilliseconds() {
        JavaClasses solver = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pilotline.erp.scheduling.solver");

        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "javax.persistence..",
                        "org.hibernate..", "org.camunda..", "io.smallrye..", "org.eclipse.microprofile..")
                .check(solver);
    }
}
