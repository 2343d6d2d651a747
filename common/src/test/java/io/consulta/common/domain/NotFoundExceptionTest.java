package io.consulta.common.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotFoundExceptionTest {

    @Test
    void namesWhatWasNotFound() {
        assertThat(new NotFoundException("Appointment", "a-1")).hasMessage("Appointment a-1 does not exist");
    }

    @Test
    void aLongIdIsCut() {
        String sent = "x".repeat(10_000);
        String detail = new NotFoundException("Doctor", sent).getMessage();
        assertThat(detail).startsWith("Doctor " + "x".repeat(64)).hasSizeLessThan(100);
    }
}
