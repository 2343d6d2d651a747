package io.consulta.notes.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AudienceTest {

    @Test
    void aSharedNoteIsForEveryReaderOfTheJournalAPrivateOneForItsAuthorOnly() {
        assertThat(Audience.of(Visibility.SHARED, "doc-1", null)).isEqualTo(Audience.SHARED);
        assertThat(Audience.of(Visibility.PRIVATE, "doc-1", null)).isEqualTo("doc-1");
        assertThat(Audience.includes(Audience.SHARED, "pat-1")).isTrue();
        assertThat(Audience.includes("doc-1", "doc-1")).isTrue();
        assertThat(Audience.includes("doc-1", "pat-1")).isFalse();
    }

    @Test
    void aReplyIsSeenByWhoeverSeesTheNoteItAnswersNarrowedWhenTheReplyIsPrivate() {
        assertThat(Audience.of(Visibility.SHARED, "pat-1", Audience.SHARED)).isEqualTo(Audience.SHARED);
        // a shared answer to the author's own private note stays private to them
        assertThat(Audience.of(Visibility.SHARED, "doc-1", "doc-1")).isEqualTo("doc-1");
        assertThat(Audience.of(Visibility.PRIVATE, "pat-1", Audience.SHARED)).isEqualTo("pat-1");
    }
}
