package io.consulta.notes.domain;

import io.consulta.common.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchWordsTest {

    @Test
    void everyWordMustAppearIgnoringCaseAndPunctuation() {
        SearchWords words = SearchWords.parse("Migraine, NAUSEA!");
        assertThat(words.words()).containsExactly("migraine", "nausea");
        assertThat(words.matches("the migraine came with nausea")).isTrue();
        assertThat(words.matches("the migraine came alone")).isFalse();
        assertThat(SearchWords.parse("  ").isEmpty()).isTrue();
        assertThat(SearchWords.parse(null).isEmpty()).isTrue();
    }

    @Test
    void isBoundedInLengthAndWords() {
        assertThatThrownBy(() -> SearchWords.parse("a".repeat(101))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("q: must be at most 100");
        assertThatThrownBy(() -> SearchWords.parse("a b c d e f")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 5 words");
    }

    @Test
    void aWordIsMatchedLiterallyNotAsAPattern() {
        assertThat(SearchWords.literalPattern("a.b*c")).isEqualTo("a\\.b\\*c");
        assertThat("a.b*c".matches(SearchWords.literalPattern("a.b*c"))).isTrue();
        assertThat("axbbc".matches(SearchWords.literalPattern("a.b*c"))).isFalse();
    }
}
