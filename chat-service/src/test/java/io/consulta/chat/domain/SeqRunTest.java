package io.consulta.chat.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeqRunTest {

    private static final long NEWEST = Long.MAX_VALUE;

    @Test
    void aNewestPageWithoutGapsBecomesARunAndAGapMeansNone() {
        assertThat(SeqRun.ofNewest(new long[]{9, 8, 7})).contains(new SeqRun(9, 3, false));
        assertThat(SeqRun.ofNewest(new long[]{3, 2, 1})).contains(new SeqRun(3, 3, true));
        assertThat(SeqRun.ofNewest(new long[]{9, 7, 6})).isEmpty();
        assertThat(SeqRun.ofNewest(new long[]{9, 8, 6})).isEmpty();
        assertThat(SeqRun.ofNewest(new long[0])).contains(new SeqRun(0, 0, true));
    }

    @Test
    void theNewestPageComesFromTheRunWhenItHoldsOneMessageMoreThanThePage() {
        SeqRun run = new SeqRun(100, 51, false);
        assertThat(run.mayMissNewer(NEWEST)).isTrue();
        assertThat(run.slice(NEWEST, 50)).contains(new SeqRun.Slice(0, 50, true));
        assertThat(run.slice(NEWEST, 10)).contains(new SeqRun.Slice(0, 10, true));
        assertThat(run.slice(NEWEST, 51)).as("cannot tell whether older messages exist").isEmpty();
    }

    @Test
    void olderPagesInsideTheRunNeedNoQuestionAboutNewerMessages() {
        SeqRun run = new SeqRun(100, 51, false);
        assertThat(run.mayMissNewer(101)).isFalse();
        assertThat(run.mayMissNewer(60)).isFalse();
        assertThat(run.slice(96, 5)).contains(new SeqRun.Slice(5, 5, true));
        assertThat(run.slice(101, 50)).contains(new SeqRun.Slice(0, 50, true));
        assertThat(run.slice(60, 5)).contains(new SeqRun.Slice(41, 5, true));
        assertThat(run.slice(55, 5)).as("ends at seq 50, the oldest held: older ones unknown").isEmpty();
        assertThat(run.slice(50, 5)).isEmpty();
    }

    @Test
    void aRunDownToTheFirstMessageAnswersEveryPageAndSaysWhenNothingIsOlder() {
        SeqRun run = new SeqRun(5, 5, true);
        assertThat(run.slice(NEWEST, 50)).contains(new SeqRun.Slice(0, 5, false));
        assertThat(run.slice(NEWEST, 2)).contains(new SeqRun.Slice(0, 2, true));
        assertThat(run.slice(3, 2)).contains(new SeqRun.Slice(3, 2, false));
        assertThat(run.slice(2, 2)).contains(new SeqRun.Slice(4, 1, false));
        assertThat(run.slice(1, 2)).contains(new SeqRun.Slice(0, 0, false));
        assertThat(new SeqRun(0, 0, true).slice(NEWEST, 50)).contains(new SeqRun.Slice(0, 0, false));
    }

    @Test
    void newerMessagesExtendARunOnlyWhenTheyContinueIt() {
        SeqRun run = new SeqRun(100, 51, false);
        assertThat(run.extendedBy(new long[]{101, 102}, 51)).contains(new SeqRun(102, 51, false));
        assertThat(run.extendedBy(new long[]{101, 102}, 60)).contains(new SeqRun(102, 53, false));
        assertThat(run.extendedBy(new long[]{102}, 51)).as("101 still being stored, or given back").isEmpty();
        assertThat(run.extendedBy(new long[]{101, 103}, 51)).isEmpty();
        assertThat(new SeqRun(2, 2, true).extendedBy(new long[]{3}, 51)).contains(new SeqRun(3, 3, true));
        assertThat(new SeqRun(2, 2, true).extendedBy(new long[]{3}, 2)).contains(new SeqRun(3, 2, false));
        assertThat(new SeqRun(0, 0, true).extendedBy(new long[]{1, 2}, 51)).contains(new SeqRun(2, 2, true));
    }
}
