package io.consulta.auth.domain;

import io.consulta.auth.domain.DirectoryIndex.Change;
import io.consulta.auth.domain.DirectoryIndex.Page;
import io.consulta.auth.domain.DirectoryIndex.Position;
import io.consulta.auth.domain.DirectoryIndex.Query;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryIndexTest {

    private static final DirectoryIndex DIRECTORY = DirectoryIndex.EMPTY.apply(List.of(
            listed("d1", 0, "Ana Heart", "Cardiology", "en", "pt"),
            listed("d2", 0, "Bruno Skin", "Dermatology", "fr"),
            listed("d3", 0, "Carla Kids", "Paediatrics", "en"),
            listed("d4", 0, "Ana Heart", "Cardiology", "es"),
            listed("d5", 0, "Duarte Mind", "Psychiatry"),
            Change.unlisted("p1", 0)));

    @Test
    void textMatchesPartOfTheNameOrTheSpecialty() {
        assertThat(ids(DIRECTORY.search(query("heart", null, null)))).containsExactly("d1", "d4");
        assertThat(ids(DIRECTORY.search(query("ardio", null, null)))).containsExactly("d1", "d4");
        assertThat(ids(DIRECTORY.search(query("a k", null, null)))).containsExactly("d3");
        assertThat(ids(DIRECTORY.search(query(".*", null, null)))).as("no pattern language").isEmpty();
    }

    @Test
    void specialtyMustMatchWhollyAndLanguageMustBeSpoken() {
        assertThat(ids(DIRECTORY.search(query(null, "cardiology", null)))).containsExactly("d1", "d4");
        assertThat(ids(DIRECTORY.search(query(null, "cardio", null)))).isEmpty();
        assertThat(ids(DIRECTORY.search(query(null, null, "en")))).containsExactly("d1", "d3");
        assertThat(ids(DIRECTORY.search(query("heart", "cardiology", "es")))).containsExactly("d4");
    }

    @Test
    void blankCriteriaDoNotFilterAndUnlistedDoctorsNeverShow() {
        assertThat(ids(DIRECTORY.search(query("  ", "", null)))).containsExactly("d1", "d4", "d2", "d3", "d5");
        assertThat(DIRECTORY.size()).isEqualTo(5);
    }

    @Test
    void pagesFollowNameThenIdWithoutRepeatsOrGaps() {
        List<String> seen = new ArrayList<>();
        Position after = null;
        int pages = 0;
        do {
            Page page = DIRECTORY.search(new Query(null, null, null, 2, after));
            seen.addAll(ids(page));
            after = page.next();
            pages++;
        } while (after != null);

        assertThat(seen).containsExactly("d1", "d4", "d2", "d3", "d5");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aPageThatEndsExactlyAtTheLastMatchHasNoNext() {
        Page page = DIRECTORY.search(new Query("heart", null, null, 2, null));
        assertThat(ids(page)).containsExactly("d1", "d4");
        assertThat(page.next()).isNull();
    }

    @Test
    void aCursorPositionNeedNotBeAListedDoctor() {
        Page page = DIRECTORY.search(new Query(null, null, null, 10, new Position("b", "zzz")));
        assertThat(ids(page)).containsExactly("d2", "d3", "d5");
    }

    @Test
    void newerVersionsReplaceAndUnlistButOlderOnesAreIgnored() {
        DirectoryIndex renamed = DIRECTORY.apply(List.of(listed("d2", 1, "Zara Skin", "Dermatology", "fr")));
        assertThat(ids(renamed.search(query("zara", null, null)))).containsExactly("d2");

        DirectoryIndex disabled = renamed.apply(List.of(Change.unlisted("d2", 2)));
        assertThat(ids(disabled.search(query("skin", null, null)))).isEmpty();

        DirectoryIndex staleRead = disabled.apply(List.of(listed("d2", 1, "Zara Skin", "Dermatology", "fr")));
        assertThat(ids(staleRead.search(query("skin", null, null)))).as("a stale read must not bring it back").isEmpty();
        assertThat(staleRead).isSameAs(disabled);
    }

    @Test
    void repeatingAKnownChangeKeepsTheSnapshot() {
        assertThat(DIRECTORY.apply(List.of(listed("d1", 0, "Ana Heart", "Cardiology", "en", "pt")))).isSameAs(DIRECTORY);
    }

    @Test
    void aFullReloadDropsVanishedDoctorsButKeepsNewerLocalChanges() {
        DirectoryIndex local = DIRECTORY.apply(List.of(listed("d3", 5, "Carla Renamed", "Paediatrics", "en")));
        DirectoryIndex reloaded = local.reload(List.of(
                listed("d1", 0, "Ana Heart", "Cardiology", "en", "pt"),
                listed("d3", 4, "Carla Kids", "Paediatrics", "en"),
                listed("d6", 0, "Eva New", "Nutrition", "pt")));

        assertThat(ids(reloaded.search(query(null, null, null)))).containsExactly("d1", "d3", "d6");
        assertThat(reloaded.search(query("renamed", null, null)).items()).extracting(DirectoryListing::name)
                .containsExactly("Carla Renamed");
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new Query(null, null, null, 0, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Query query(String text, String specialty, String language) {
        return new Query(text, specialty, language, 100, null);
    }

    private static List<String> ids(Page page) {
        return page.items().stream().map(DirectoryListing::id).toList();
    }

    private static Change listed(String id, long version, String name, String specialty, String... languages) {
        return new Change(id, version, new DirectoryListing(id, name, Names.searchable(name), specialty,
                Names.searchable(specialty), "bio", List.of(languages), "Rua 1", BigDecimal.TEN, null));
    }
}
