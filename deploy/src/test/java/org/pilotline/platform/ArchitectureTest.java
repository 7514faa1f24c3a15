package org.pilotline.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The arrows of ../shared/ARCHITECTURE.md: lower modules know nothing of higher ones; rules stay plain Java. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pilotline");
    }

    @Test
    void erpCoreKnowsNothingOfTheModulesAboveIt() {
        noClasses().that().resideInAPackage("org.pilotline.erp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pilotline.mes..", "org.pilotline.bpm..",
                        "org.pilotline.plc..", "org.pilotline.app..")
                .check(classes);
    }

    @Test
    void thePlcGatewayDependsOnNoOtherModuleOfOurs() {
        noClasses().that().resideInAPackage("org.pilotline.plc..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pilotline.erp..", "org.pilotline.mes..",
                        "org.pilotline.bpm..", "org.pilotline.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void mesKnowsNothingOfProcessesOrTheAssembly() {
        noClasses().that().resideInAPackage("org.pilotline.mes..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pilotline.bpm..", "org.pilotline.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void processModelsKnowNothingOfTheAssembly() {
        noClasses().that().resideInAPackage("org.pilotline.bpm..")
                .should().dependOnClassesThat().resideInAPackage("org.pilotline.app..")
                .check(classes);
    }

    @Test
    void rulesArePlainJava() {
        noClasses().that().haveSimpleNameEndingWith("Rules").or().haveSimpleName("UnifiedSocialCreditCode")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                        "org.camunda..", "io.vertx..")
                .check(classes);
    }
}
