package io.consulta.media.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaAccessTest {

    @Test
    void uploaderPatientAndCaringDoctorsSeeNobodyElseDoes() {
        assertThat(MediaAccess.canSee("dr-house", "dr-house", "alice", false)).isTrue();
        assertThat(MediaAccess.canSee("alice", "dr-house", "alice", false)).isTrue();
        assertThat(MediaAccess.canSee("dr-quinn", "alice", "alice", true)).isTrue();
        assertThat(MediaAccess.canSee("dr-quinn", "alice", "alice", false)).isFalse();
        assertThat(MediaAccess.canSee("bob", "alice", "alice", false)).isFalse();
    }

    @Test
    void onlyTheUploaderDeletes() {
        assertThat(MediaAccess.canDelete("dr-house", "dr-house")).isTrue();
        assertThat(MediaAccess.canDelete("alice", "dr-house")).isFalse();
    }
}
