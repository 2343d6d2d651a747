package io.consulta.common.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WireNamesTest {

    enum Status { ACTIVE, ENTERED_IN_ERROR }

    @Test
    void aValueIsWrittenInLowerCaseWithHyphens() {
        assertThat(WireNames.of(Status.ACTIVE)).isEqualTo("active");
        assertThat(WireNames.of(Status.ENTERED_IN_ERROR)).isEqualTo("entered-in-error");
    }

    @Test
    void whatWasWrittenIsReadBack() {
        for (Status status : Status.values()) {
            assertThat(WireNames.parse(Status.class, WireNames.of(status))).contains(status);
        }
    }

    @Test
    void onlyTheExactWireNameIsRead() {
        assertThat(WireNames.parse(Status.class, "ENTERED_IN_ERROR")).isEmpty();
        assertThat(WireNames.parse(Status.class, "entered_in_error")).isEmpty();
        assertThat(WireNames.parse(Status.class, " active")).isEmpty();
        assertThat(WireNames.parse(Status.class, "")).isEmpty();
        assertThat(WireNames.parse(Status.class, null)).isEmpty();
    }
}
