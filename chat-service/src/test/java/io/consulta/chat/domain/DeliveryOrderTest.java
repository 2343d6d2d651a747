package io.consulta.chat.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryOrderTest {

    private static final long MS = 1_000_000L;

    private final List<String> delivered = new ArrayList<>();
    private final DeliveryOrder<String> order = new DeliveryOrder<>(Duration.ofMillis(300), Duration.ofMinutes(1), delivered::add);

    /** Message {@code seq} of conversation "c", whose text is its number, arrives at {@code nanos}. */
    private void arrives(long seq, long nanos) {
        order.offer("c", seq, String.valueOf(seq), nanos);
    }

    /** 1 is delivered at once and 3 waits for the missing 2. */
    private void twoIsMissing() {
        arrives(1, 0);
        arrives(3, 0);
    }

    @Test
    void inOrderMessagesPassStraightThrough() {
        arrives(1, 0);
        arrives(2, 0);
        assertThat(delivered).containsExactly("1", "2");
    }

    @Test
    void aMessageAheadOfAGapWaitsForIt() {
        twoIsMissing();
        arrives(4, 0);
        assertThat(delivered).containsExactly("1");
        assertThat(order.held()).isEqualTo(2);
        arrives(2, MS);
        assertThat(delivered).containsExactly("1", "2", "3", "4");
        assertThat(order.held()).isZero();
    }

    @Test
    void aGapThatNeverFillsIsSkippedAfterTheHoldTime() {
        twoIsMissing();
        order.expire(100 * MS);
        assertThat(delivered).containsExactly("1");
        order.expire(300 * MS);
        assertThat(delivered).containsExactly("1", "3");
        arrives(4, 301 * MS);
        assertThat(delivered).containsExactly("1", "3", "4");
    }

    @Test
    void aSkippedSequenceNumberReleasesWhatWaitsBehindIt() {
        twoIsMissing();
        order.skip("c", 2, MS);
        assertThat(delivered).containsExactly("1", "3");
        order.skip("c", 5, MS);
        arrives(4, MS);
        arrives(6, MS);
        assertThat(delivered).containsExactly("1", "3", "4", "6");
        assertThat(order.held()).isZero();
    }

    @Test
    void aLateMessageIsStillDelivered() {
        twoIsMissing();
        order.expire(400 * MS);
        arrives(2, 401 * MS);
        assertThat(delivered).containsExactly("1", "3", "2");
    }

    @Test
    void conversationsAreIndependent() {
        order.offer("a", 5, "a5", 0);
        order.offer("b", 7, "b7", 0);
        order.offer("a", 7, "a7", 0);
        order.offer("b", 8, "b8", 0);
        assertThat(delivered).containsExactly("a5", "b7", "b8");
    }

    @Test
    void idleConversationsAreForgottenAndStartAfresh() {
        arrives(10, 0);
        order.expire(Duration.ofMinutes(2).toNanos());
        arrives(3, Duration.ofMinutes(2).toNanos());
        arrives(4, Duration.ofMinutes(2).toNanos());
        assertThat(delivered).containsExactly("10", "3", "4");
    }
}
