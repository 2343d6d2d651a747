package io.consulta.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The one shape of a service (ARCHITECTURE.md): packages {@code api → service → domain/store}, {@code events →
 * service/domain/store}, {@code store → domain}, {@code domain →} nothing of the service; no cycles between them;
 * no framework or database types in {@code domain}, no MongoDB in {@code api}. Each service's
 * {@code ServiceShapeTest} checks its own main classes with {@link #check(String)}.
 */
public final class ServiceShape {

    private ServiceShape() {
    }

    /** Fails with every violation listed if the main classes under {@code basePackage} break the shape. */
    public static void check(String basePackage) {
        rules(basePackage).check(mainClasses(basePackage));
    }

    public static JavaClasses mainClasses(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    public static ArchRule rules(String basePackage) {
        return CompositeArchRule.of(layers(basePackage))
                .and(noCycles(basePackage))
                .and(pureDomain(basePackage))
                .and(noMongoInApi(basePackage));
    }

    /** Who may use whom; a service without one of the packages (no events, say) is fine. */
    static ArchRule layers(String base) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("api").definedBy(base + ".api..")
                .layer("service").definedBy(base + ".service..")
                .layer("domain").definedBy(base + ".domain..")
                .layer("store").definedBy(base + ".store..")
                .layer("events").definedBy(base + ".events..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("events").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("api", "events")
                .whereLayer("store").mayOnlyBeAccessedByLayers("api", "service", "events")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("api", "service", "store", "events")
                .whereLayer("store").mayOnlyAccessLayers("domain")
                .whereLayer("domain").mayNotAccessAnyLayer()
                .because("dependencies point one way: api → service → domain/store, events → service/domain/store, "
                        + "store → domain (ARCHITECTURE.md)");
    }

    static ArchRule noCycles(String base) {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles();
    }

    /** Pure rules and value types: unit-testable without Quarkus, a database or HTTP. */
    static ArchRule pureDomain(String base) {
        return noClasses().that().resideInAPackage(base + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.enterprise..",
                        "jakarta.inject..", "jakarta.ws.rs..", "com.mongodb..", "org.bson..", "org.apache.kafka..",
                        "io.smallrye.reactive.messaging..")
                .because("domain holds pure rules, no framework and no I/O (ARCHITECTURE.md)")
                .allowEmptyShould(true);
    }

    /** Resources and sockets read the request and call a service or store; queries are the store's business. */
    static ArchRule noMongoInApi(String base) {
        return noClasses().that().resideInAPackage(base + ".api..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
                .because("resources contain no Bson, Filters or Updates (ARCHITECTURE.md)")
                .allowEmptyShould(true);
    }
}
