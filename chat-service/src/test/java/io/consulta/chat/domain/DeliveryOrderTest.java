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

    @Test
    void inOrderMessagesPassStraightThrough() {
        order.offer("c", 1, "1", 0);
        order.offer("c", 2, "2", 0);
        assertThat(delivered).containsExactly("1", "2");
    }

    @Test
    void aMessageAheadOfAGapWaitsForIt() {
        order.offer("c", 1, "1", 0);
        order.offer("c", 3, "3", 0);
        order.offer("c", 4, "4", 0);
        assertThat(delivered).containsExactly("1");
        assertThat(order.held()).isEqualTo(2);
        order.offer("c", 2, "2", MS);
        assertThat(delivered).containsExactly("1", "2", "3", "4");
        assertThat(order.held()).isZero();
    }

    @Test
    void aGapThatNeverFillsIsSkippedAfterTheHoldTime() {
        order.offer("c", 1, "1", 0);
        order.offer("c", 3, "3", 0);
        order.expire(100 * MS);
        assertThat(delivered).containsExactly("1");
        order.expire(300 * MS);
        assertThat(delivered).containsExactly("1", "3");
        order.offer("c", 4, "4", 301 * MS);
        assertThat(delivered).containsExactly("1", "3", "4");
    }

    @Test
    void aSkippedSequenceNumberReleasesWhatWaitsBehindIt() {
        order.offer("c", 1, "1", 0);
        order.offer("c", 3, "3", 0);
        order.skip("c", 2, MS);
        assertThat(delivered).containsExactly("1", "3");
        order.skip("c", 5, MS);
        order.offer("c", 4, "4", MS);
        order.offer("c", 6, "6", MS);
        assertThat(delivered).containsExactly("1", "3", "4", "6");
        assertThat(order.held()).isZero();
    }

    @Test
    void aLateMessageIsStillDelivered() {
        order.offer("c", 1, "1", 0);
        order.offer("c", 3, "3", 0);
        order.expire(400 * MS);
        order.offer("c", 2, "2", 401 * MS);
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
        order.offer("c", 10, "10", 0);
        order.expire(Duration.ofMinutes(2).toNanos());
        order.offer("c", 3, "3", Duration.ofMinutes(2).toNanos());
        order.offer("c", 4, "4", Duration.ofMinutes(2).toNanos());
        assertThat(delivered).containsExactly("10", "3", "4");
    }
}
