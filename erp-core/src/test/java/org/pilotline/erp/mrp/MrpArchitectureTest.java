package org.pilotline.erp.mrp;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pilotline.erp.mrp.engine.MrpEngine;

import java.nio.file.Path;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The MRP engine and the plant generator are plain Java, so that they are tested in milliseconds; the engine's
 * packages are layered (input, model, planning, plan, the engine's entry point), no MRP package is in a cycle, and
 * only the HTTP edge knows the HTTP edge.
 */
class MrpArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMrpClasses() throws Exception {
        // from the compiled classes folder only: scanning every jar of the test class path for the package is slow
        Path mrp = Path.of(MrpEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/pilotline/erp/mrp");
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(mrp);
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

    @Test
    void theEnginesPackagesAreLayeredFromTheInputUpToTheEntryPoint() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("entry point").definedBy("org.pilotline.erp.mrp.engine")
                .layer("plan").definedBy("org.pilotline.erp.mrp.engine.plan..")
                .layer("planning").definedBy("org.pilotline.erp.mrp.engine.planning..")
                .layer("model").definedBy("org.pilotline.erp.mrp.engine.model..")
                .layer("input").definedBy("org.pilotline.erp.mrp.engine.input..")
                .whereLayer("entry point").mayNotBeAccessedByAnyLayer()
                .whereLayer("plan").mayOnlyBeAccessedByLayers("entry point")
                .whereLayer("planning").mayOnlyBeAccessedByLayers("plan", "entry point")
                .whereLayer("model").mayOnlyBeAccessedByLayers("planning", "plan", "entry point")
                .whereLayer("input").mayOnlyBeAccessedByLayers("model", "planning", "plan", "entry point")
                .check(classes);
    }

    @Test
    void noMrpPackageIsInACycle() {
        slices().matching("org.pilotline.erp.(mrp..)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheHttpEdgeKnowsTheHttpEdge() {
        noClasses().that().resideOutsideOfPackage("org.pilotline.erp.mrp..rest..")
                .should().dependOnClassesThat().resideInAPackage("org.pilotline.erp.mrp..rest..")
                .check(classes);
    }
}
