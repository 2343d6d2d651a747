package io.consulta.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The rules pass a service of the right shape and name what breaks it (sample packages under {@code shapes}). */
class ServiceShapeTest {

    private static final String GOOD = "io.consulta.testing.shapes.good";
    private static final String BAD = "io.consulta.testing.shapes.bad";

    @Test
    void aServiceOfTheRightShapePasses() {
        assertThatCode(() -> ServiceShape.rules(GOOD).check(new ClassFileImporter().importPackages(GOOD)))
                .doesNotThrowAnyException();
    }

    @Test
    void aStoreThatUsesAConsumerAndAFrameworkInTheDomainFail() {
        JavaClasses bad = new ClassFileImporter().importPackages(BAD);

        assertThat(ServiceShape.rules(BAD).evaluate(bad).hasViolation()).isTrue();
        assertThat(ServiceShape.layers(BAD).evaluate(bad).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("shapes.bad.store.Repository")
                        .contains("shapes.bad.events.Consumer"));
        assertThat(ServiceShape.noCycles(BAD).evaluate(bad).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("Cycle detected"));
        assertThat(ServiceShape.pureDomain(BAD).evaluate(bad).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("shapes.bad.domain.Rule").contains("ApplicationScoped"));
    }
}
