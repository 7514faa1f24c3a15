package org.pilotline.platform;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The arrows of docs/architecture.md, checked on the compiled production classes of every module:
 * <pre>
 *   deploy (org.pilotline.app) → bpm-models (bpm) → mes-shopfloor (mes) → erp-core (erp) → platform
 *                                                  mes-shopfloor → plc-gateway (plc, its event contract) → platform
 *   deploy → kpi (kpi) → mes-shopfloor, erp-core, platform; of plc-gateway only its event contract
 * </pre>
 * plus the rules inside a module: no package cycles, resources call services only, services know nothing of the HTTP
 * edge of their feature, and rule classes are plain Java.
 */
class ArchitectureTest {

    private static final String PLATFORM = "org.pilotline.platform..";
    private static final String ERP = "org.pilotline.erp..";
    private static final String PLC = "org.pilotline.plc..";
    private static final String MES = "org.pilotline.mes..";
    private static final String BPM = "org.pilotline.bpm..";
    private static final String KPI = "org.pilotline.kpi..";
    private static final String APP = "org.pilotline.app..";

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pilotline");
    }

    @Test
    void thePlatformDependsOnNoOtherModuleOfOurs() {
        noClasses().that().resideInAPackage(PLATFORM)
                .should().dependOnClassesThat().resideInAnyPackage(ERP, PLC, MES, BPM, KPI, APP)
                .check(classes);
    }

    @Test
    void erpCoreStandsOnThePlatformOnly() {
        noClasses().that().resideInAPackage(ERP)
                .should().dependOnClassesThat().resideInAnyPackage(PLC, MES, BPM, KPI, APP)
                .check(classes);
    }

    @Test
    void thePlcGatewayStandsOnThePlatformOnly() {
        noClasses().that().resideInAPackage(PLC)
                .should().dependOnClassesThat().resideInAnyPackage(ERP, MES, BPM, KPI, APP)
                .check(classes);
    }

    @Test
    void theMesKnowsOnlyTheGatewaysEventContract() {
        noClasses().that().resideInAPackage(MES)
                .should().dependOnClassesThat().resideInAnyPackage(BPM, KPI, APP)
                .orShould().dependOnClassesThat(gatewayOutsideItsContract())
                .check(classes);
    }

    @Test
    void processModelsKnowNothingOfTheAssembly() {
        noClasses().that().resideInAPackage(BPM)
                .should().dependOnClassesThat().resideInAnyPackage(KPI, APP)
                .check(classes);
    }

    @Test
    void kpisReadTheMesErpAndTheGatewaysEventContractOnly() {
        noClasses().that().resideInAPackage(KPI)
                .should().dependOnClassesThat().resideInAnyPackage(BPM, APP)
                .orShould().dependOnClassesThat(gatewayOutsideItsContract())
                .check(classes);
    }

    @Test
    void noPackageOfAnyModuleIsInACycle() {
        slices().matching("org.pilotline.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void resourcesCallServicesOnlyNeverRepositoriesEntitiesOrSql() {
        noClasses().that().areAnnotatedWith(Path.class)
                .should().accessTargetWhere(persistenceAccess())
                .orShould().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .orShould().dependOnClassesThat().areAssignableTo(PanacheRepositoryBase.class)
                .orShould().dependOnClassesThat().areAssignableTo(javax.sql.DataSource.class)
                .orShould().dependOnClassesThat().resideInAPackage("java.sql..")
                .check(classes);
    }

    @Test
    void servicesNeverImportTheHttpEdgeOfTheirFeature() {
        classes().that().haveSimpleNameEndingWith("Service").and().areNotInterfaces()
                .should(notDependOnTheEdgeOfTheirFeature())
                .check(classes);
    }

    @Test
    void onlyTheHttpEdgeDependsOnTheHttpEdge() {
        noClasses().that().resideOutsideOfPackages("..rest..", APP)
                .should().dependOnClassesThat().resideInAPackage("..rest..")
                .check(classes);
    }

    @Test
    void rulesArePlainJava() {
        noClasses().that().haveSimpleNameEndingWith("Rules").or().haveSimpleName("UnifiedSocialCreditCode")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                        "org.camunda..", "io.vertx..")
                .check(classes);
    }

    /** The MES and the KPIs may read the gateway's machine-event contract, and nothing else of the gateway. */
    private static DescribedPredicate<JavaClass> gatewayOutsideItsContract() {
        return DescribedPredicate.describe("classes of plc-gateway outside org.pilotline.plc.contract",
                c -> c.getPackageName().startsWith("org.pilotline.plc")
                        && !c.getPackageName().startsWith("org.pilotline.plc.contract"));
    }

    /** A call of an entity's static finder or instance method, or of Panache's entity manager accessor. */
    private static DescribedPredicate<JavaAccess<?>> persistenceAccess() {
        return DescribedPredicate.describe("a Panache entity, finder or the entity manager", access -> {
            AccessTarget target = access.getTarget();
            JavaClass owner = target.getOwner();
            if (owner.isAssignableTo(PanacheEntityBase.class) && !(target instanceof AccessTarget.FieldAccessTarget)) {
                return true;
            }
            return owner.getFullName().equals("io.quarkus.hibernate.orm.panache.Panache");
        });
    }

    private static final Pattern EDGE = Pattern.compile("\\.(api|dto|rest)(\\.|$)");

    /** A service of feature {@code x} (in {@code x} or {@code x.service}) may not use {@code x.api}, {@code x.dto}, {@code x.rest}. */
    private static ArchCondition<JavaClass> notDependOnTheEdgeOfTheirFeature() {
        return new ArchCondition<>("not depend on the api/dto/rest package of their feature") {
            @Override
            public void check(JavaClass service, ConditionEvents events) {
                String feature = service.getPackageName().replaceFirst("\\.service$", "");
                for (Dependency dependency : service.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    if (target.startsWith(feature + ".") && EDGE.matcher(target.substring(feature.length())).lookingAt()) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
