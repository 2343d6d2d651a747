package io.consulta.common.paging;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageTest {

    @Test
    void mappingAPageKeepsTheOrderAndTheCursorToTheNextOne() {
        Page<Integer> stored = new Page<>(List.of(3, 1, 2), "next");

        Page<String> shown = stored.map(number -> "#" + number);

        assertThat(shown.items()).containsExactly("#3", "#1", "#2");
        assertThat(shown.nextCursor()).isEqualTo("next");
        assertThat(new Page<Integer>(List.of(), null).map(String::valueOf).nextCursor()).isNull();
    }
}
