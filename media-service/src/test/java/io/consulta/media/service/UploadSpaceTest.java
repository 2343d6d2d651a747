package io.consulta.media.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadSpaceTest {

    @Test
    void bodiesAreAdmittedWhileTheyFitAndTheirRoomComesBackWhenTheyEnd() {
        UploadSpace space = new UploadSpace(100);

        assertThat(space.tryReserve(60)).isTrue();
        assertThat(space.tryReserve(40)).isTrue();
        assertThat(space.tryReserve(1)).as("full").isFalse();
        assertThat(space.reserved()).isEqualTo(100);

        space.release(60);
        assertThat(space.tryReserve(61)).as("more than is free").isFalse();
        assertThat(space.tryReserve(60)).isTrue();
        assertThat(space.reserved()).isEqualTo(100);
    }

    @Test
    void aBodyLargerThanTheWholeBudgetIsNeverAdmitted() {
        UploadSpace space = new UploadSpace(100);

        assertThat(space.tryReserve(101)).isFalse();
        assertThat(space.reserved()).isZero();
    }
}
