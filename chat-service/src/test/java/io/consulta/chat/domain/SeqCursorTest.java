package io.consulta.chat.domain;

import io.consulta.chat.store.ListCursor;
import io.consulta.common.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeqCursorTest {

    @Test
    void withoutBeforeThePageStartsAtTheNewest() {
        assertThat(SeqCursor.parse(null, 50)).isEqualTo(new SeqCursor(Long.MAX_VALUE, 50));
        assertThat(SeqCursor.parse("17", 10)).isEqualTo(new SeqCursor(17, 10));
    }

    @Test
    void malformedValuesNameTheirField() {
        assertThatThrownBy(() -> SeqCursor.parse("x", 10)).hasMessageStartingWith("before:");
        assertThatThrownBy(() -> SeqCursor.parse("0", 10)).hasMessageStartingWith("before:");
        assertThatThrownBy(() -> SeqCursor.parse("5", 201)).hasMessageStartingWith("limit:");
        assertThatThrownBy(() -> SeqCursor.parse("5", 0)).hasMessageStartingWith("limit:");
    }

    @Test
    void listCursorsRoundTripAndRejectForeignValues() {
        ListCursor cursor = new ListCursor(Instant.parse("2026-12-01T08:00:00.123Z"), "abc:def");
        assertThat(ListCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThatThrownBy(() -> ListCursor.decode("%%%")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ListCursor.decode("bm9jb2xvbg")).isInstanceOf(InvalidInputException.class);
    }
}
