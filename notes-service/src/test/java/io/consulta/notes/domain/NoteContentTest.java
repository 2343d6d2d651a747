package io.consulta.notes.domain;

import io.consulta.common.domain.InvalidInputException;
import io.consulta.common.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class NoteContentTest {

    @Test
    void normalisesTitleTagsAndMediaIds() {
        NoteContent content = NoteContent.of("  Headache  ", "**Worse** in the morning", List.of("Pain", "pain ", "sleep"),
                List.of("m-1", "m-1", "m-2"));
        assertThat(content.title()).isEqualTo("Headache");
        assertThat(content.body()).isEqualTo("**Worse** in the morning");
        assertThat(content.tags()).containsExactly("pain", "sleep");
        assertThat(content.mediaIds()).containsExactly("m-1", "m-2");
        assertThat(content.searchText()).isEqualTo("headache\n**worse** in the morning");
    }

    @Test
    void reportsEveryBrokenLimitAtOnce() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NoteContent.of(
                "x".repeat(201), "y".repeat(20_001), Collections.nCopies(11, "t"), Collections.nCopies(11, "m")));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("title", "body", "tags", "mediaIds");
        assertThat(e.isUnprocessable()).isFalse();
    }

    @Test
    void refusesBlankTitleBodyAndTags() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> NoteContent.of(" ", "", List.of("ok", " ", "z".repeat(41)), List.of("")));
        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactly("title", "body", "tags[1]", "tags[2]", "mediaIds[0]");
    }

    @Test
    void acceptsTheLimitsThemselves() {
        NoteContent content = NoteContent.of("x".repeat(200), "y".repeat(20_000), Collections.nCopies(10, "t"), null);
        assertThat(content.tags()).containsExactly("t");
        assertThat(content.mediaIds()).isEmpty();
    }
}
