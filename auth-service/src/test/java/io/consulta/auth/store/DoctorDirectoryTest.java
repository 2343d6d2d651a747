package io.consulta.auth.store;

import io.consulta.auth.domain.DirectoryIndex;
import io.consulta.common.domain.UnavailableException;
import io.consulta.common.problem.DomainProblems;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DoctorDirectoryTest {

    @Test
    void beforeTheFirstLoadSearchesAreUnavailableRatherThanEmpty() {
        DoctorDirectory directory = new DoctorDirectory(null, Duration.ofSeconds(5), Duration.ofMinutes(10));

        assertThat(directory.isLoaded()).isFalse();
        assertThatThrownBy(() -> directory.search(new DirectoryIndex.Query(null, null, null, 20, null)))
                .isInstanceOfSatisfying(UnavailableException.class,
                        e -> assertThat(DomainProblems.of(e).status()).isEqualTo(503));
        assertThatThrownBy(() -> directory.find("any")).isInstanceOf(UnavailableException.class);
    }
}
