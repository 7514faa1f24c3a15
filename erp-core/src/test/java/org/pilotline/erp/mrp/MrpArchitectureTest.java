package org.pilotline.erp.mrp;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The MRP engine and the plant generator are plain Java, so that they are tested in milliseconds. */
class MrpArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMrpClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pilotline.erp.mrp");
    }

    @Test
    void theEngineAndTheGeneratorUseNoFrameworks() {
        noClasses().that().resideInAnyPackage("org.pilotline.erp.mrp.engine..", "org.pilotline.erp.mrp.generator..",
                        "org.pilotline.erp.mrp.benchmark..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.persistence..", "io.quarkus..",
                        "org.hibernate..", "org.camunda..", "io.vertx..", "io.smallrye..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void theEngineKnowsNothingOfTheGeneratorOrTheBenchmark() {
        noClasses().that().resideInAPackage("org.pilotline.erp.mrp.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pilotline.erp.mrp.generator..",
                        "org.pilotline.erp.mrp.benchmark..")
                .check(classes);
    }

    @Test
    void theEngineUsesNothingElseOfErpCore() {
        noClasses().that().resideInAPackage("org.pilotline.erp.mrp.engine..")
                .should().dependOnClassesThat(resideInAPackage("org.pilotline..")
                        .and(resideOutsideOfPackage("org.pilotline.erp.mrp..")))
                .check(classes);
    }
}
