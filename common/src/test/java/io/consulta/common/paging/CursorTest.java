package io.consulta.common.paging;

import io.consulta.common.domain.InvalidInputException;
import io.consulta.common.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CursorTest {

    @Test
    void partsComeBackAsTheyWentInWhateverTheyContain() {
        String cursor = Cursor.encode("dr. ana | silva:\nthe 2nd", "", "ÿ-é-中", "42");
        assertThat(Cursor.decode(cursor, 4)).containsExactly("dr. ana | silva:\nthe 2nd", "", "ÿ-é-中", "42");
    }

    @Test
    void aCursorIsUrlSafe() {
        assertThat(Cursor.encode("??>>~~", "//++")).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertThat(Cursor.decode(null, 2)).isNull();
        assertThat(Cursor.decode(" ", 2)).isNull();
        String none = Cursor.decode(null, 2, parts -> parts.get(0));
        assertThat(none).isNull();
    }

    @Test
    void garbageIsAFieldErrorOnCursor() {
        String twoParts = Cursor.encode("a", "b");
        for (String raw : new String[]{"%%%", "bm90IGEgY3Vyc29y", twoParts + "x", "x".repeat(2000)}) {
            assertThatThrownBy(() -> Cursor.decode(raw, 2)).as(raw).isInstanceOf(InvalidInputException.class);
        }
        InvalidInputException wrongCount = catchThrowableOfType(InvalidInputException.class,
                () -> Cursor.decode(twoParts, 3));
        assertThat(wrongCount.errors()).containsExactly(new FieldError("cursor", "not a cursor from a previous page"));
    }

    @Test
    void aPartTheReaderCannotTakeIsAFieldErrorToo() {
        String cursor = Cursor.encode("not-a-number", "id-1");
        assertThatThrownBy(() -> Cursor.decode(cursor, 2, parts -> Instant.ofEpochMilli(Long.parseLong(parts.get(0)))))
                .isInstanceOf(InvalidInputException.class);
        record Position(Instant at, String id) {
        }
        Position read = Cursor.decode(Cursor.encode("1700000000000", "id-1"), 2,
                parts -> new Position(Instant.ofEpochMilli(Long.parseLong(parts.get(0))), parts.get(1)));
        assertThat(read).isEqualTo(new Position(Instant.ofEpochMilli(1_700_000_000_000L), "id-1"));
        assertThat(List.of(read.id())).containsExactly("id-1");
    }
}
