package org.luoshi.task.disclosure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.security.Authenticated;

/**
 * No token is needed only under /api/public: every other resource demands one on the class, and nothing opens a
 * single method of it. (The service has no HTTP-level permission paths: with lazy authentication these annotations
 * are what answers 401, as problem+json.)
 */
class PublicPathsRuleTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.luoshi.task");

    @Test
    void everyResourceOutsideThePublicPathsNeedsAToken() {
        classes().that().resideInAPackage("..rest..").and().areAnnotatedWith(Path.class).and().areNotAnnotatedWith(PermitAll.class)
                .should().beAnnotatedWith(Authenticated.class).check(CLASSES);
    }

    @Test
    void onlyThePublicResourceIsOpenAndItLivesUnderApiPublic() {
        classes().that().areAnnotatedWith(PermitAll.class).should().haveSimpleName("PublicDisclosureResource")
                .andShould(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass>("have a path under /api/public") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaClass item,
                            com.tngtech.archunit.lang.ConditionEvents events) {
                        String path = item.getAnnotationOfType(Path.class).value();
                        if (!path.equals("/api/public")) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(item, item.getName() + " is open at " + path));
                        }
                    }
                }).check(CLASSES);
        methods().should().notBeAnnotatedWith(PermitAll.class).check(CLASSES);
    }
}
