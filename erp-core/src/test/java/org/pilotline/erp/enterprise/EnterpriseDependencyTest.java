package org.pilotline.erp.enterprise;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Accounts belong to enterprises, so {@code security} depends on {@code enterprise} and never the other way round:
 * who is calling comes from the platform's {@code Caller} and {@code Role}, not from erp's accounts.
 */
class EnterpriseDependencyTest {

    @Test
    void enterprisesKnowNothingOfAccounts() throws Exception {
        Path classes = Path.of(Enterprise.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaClasses enterprise = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(classes.resolve("org/pilotline/erp/enterprise"));

        noClasses().should().dependOnClassesThat().resideInAPackage("org.pilotline.erp.security..").check(enterprise);
        if (enterprise.size() < 8) {
            throw new AssertionError("only " + enterprise.size() + " enterprise classes were imported");
        }
    }
}
