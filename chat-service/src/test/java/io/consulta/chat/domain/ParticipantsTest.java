package io.consulta.chat.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParticipantsTest {

    private final Participants pair = new Participants("pat", "doc");

    @Test
    void knowsBothSidesAndTheCounterpart() {
        assertThat(pair.includes("pat")).isTrue();
        assertThat(pair.includes("doc")).isTrue();
        assertThat(pair.includes("eve")).isFalse();
        assertThat(pair.counterpartOf("pat")).isEqualTo("doc");
        assertThat(pair.counterpartOf("doc")).isEqualTo("pat");
        assertThat(pair.sideOf("pat")).isEqualTo(Participants.Side.PATIENT);
        assertThat(pair.sideOf("doc").other()).isEqualTo(Participants.Side.PATIENT);
        assertThat(Participants.Side.DOCTOR.field("Unread")).isEqualTo("doctorUnread");
        assertThat(pair.pairKey()).isEqualTo("doc|pat");
    }

    @Test
    void aStrangerHasNoSide() {
        assertThatThrownBy(() -> pair.sideOf("eve")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void needsTwoDifferentPeople() {
        assertThatThrownBy(() -> new Participants("same", "same")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Participants(null, "doc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Participants("pat", " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
