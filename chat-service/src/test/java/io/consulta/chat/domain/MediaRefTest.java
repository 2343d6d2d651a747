package io.consulta.chat.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaRefTest {

    private final Participants aliceAndHouse = new Participants("alice", "dr-house");

    @Test
    void aFileAboutTheConversationsPatientCanBeAttachedByEitherOfThem() {
        assertThat(new MediaRef("m1", "alice", "alice", false).attachableIn(aliceAndHouse)).isTrue();
        assertThat(new MediaRef("m2", "alice", "dr-house", false).attachableIn(aliceAndHouse)).isTrue();
    }

    @Test
    void aFileAboutSomeoneElseOrDeletedCannot() {
        assertThat(new MediaRef("m3", "bob", "bob", false).attachableIn(aliceAndHouse)).isFalse();
        assertThat(new MediaRef("m4", "bob", "dr-house", false).attachableIn(aliceAndHouse)).isFalse();
        assertThat(new MediaRef("m5", "alice", "alice", true).attachableIn(aliceAndHouse)).isFalse();
    }
}
