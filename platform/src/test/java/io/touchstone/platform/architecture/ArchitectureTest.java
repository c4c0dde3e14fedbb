package io.touchstone.platform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rule of the hexagon, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.touchstone");
    }

    @Test
    void importedEveryLayer() {
        // guards the rules below against passing on an empty import
        for (String layer : new String[] {"domain", "application", "adapter.persistence", "adapter.rest",
                "adapter.grpc", "adapter.identity", "adapter.ratelimit", "platform", "proto"}) {
            org.assertj.core.api.Assertions.assertThat(classes.stream()
                            .anyMatch(c -> c.getPackageName().startsWith("io.touchstone." + layer)))
                    .as("classes of io.touchstone.%s were imported", layer)
                    .isTrue();
        }
    }

    @Test
    void domainDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("io.touchstone.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.touchstone.domain..", "java..")
                .check(classes);
    }

    @Test
    void applicationDependsOnDomainAndMutinyOnly() {
        classes().that().resideInAPackage("io.touchstone.application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.touchstone.application..", "io.touchstone.domain..", "io.smallrye.mutiny..",
                        "java..")
                .check(classes);
    }

    @Test
    void applicationServicesCarryNoFrameworkAnnotations() {
        noClasses().that().resideInAPackage("io.touchstone.application..")
                .should().beAnnotatedWith(DescribedPredicate.describe("a framework annotation",
                        annotation -> !annotation.getRawType().getPackageName().startsWith("java.")))
                .check(classes);
    }

    @Test
    void portsInAndOutDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("io.touchstone.application.port.in..")
                .should().dependOnClassesThat().resideInAPackage("io.touchstone.application.port.out..")
                .check(classes);
        noClasses().that().resideInAPackage("io.touchstone.application.port.out..")
                .should().dependOnClassesThat().resideInAPackage("io.touchstone.application.port.in..")
                .check(classes);
    }

    @Test
    void portsDoNotDependOnServices() {
        noClasses().that().resideInAPackage("io.touchstone.application.port..")
                .should().dependOnClassesThat().resideInAPackage("io.touchstone.application.service..")
                .check(classes);
    }

    @Test
    void protoTypesStayInTheGrpcAdapter() {
        noClasses().that().resideOutsideOfPackages("io.touchstone.proto..", "io.touchstone.adapter.grpc..")
                .should().dependOnClassesThat().resideInAPackage("io.touchstone.proto..")
                .check(classes);
    }

    @Test
    void restTypesStayInTheRestAdapter() {
        noClasses().that().resideOutsideOfPackage("io.touchstone.adapter.rest..")
                .should().dependOnClassesThat().resideInAPackage("io.touchstone.adapter.rest..")
                .check(classes);
    }

    @Test
    void tokenLibrariesStayInTheIdentityAdapter() {
        noClasses().that().resideOutsideOfPackage("io.touchstone.adapter.identity..")
                .should().dependOnClassesThat().resideInAPackage("org.jose4j..")
                .check(classes);
    }

    @Test
    void persistenceTypesStayInThePersistenceAdapter() {
        noClasses().that().resideOutsideOfPackage("io.touchstone.adapter.persistence..")
                .should().dependOnClassesThat().resideInAPackage("io.touchstone.adapter.persistence..")
                .check(classes);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        slices().matching("io.touchstone.adapter.(*)..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void innerLayersDoNotReachOutwards() {
        noClasses().that().resideInAnyPackage("io.touchstone.domain..", "io.touchstone.application..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.touchstone.adapter..", "io.touchstone.platform..", "io.touchstone.proto..")
                .check(classes);
    }
}
