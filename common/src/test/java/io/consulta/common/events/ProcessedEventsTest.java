package io.consulta.common.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.common.store.InMemoryMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessedEventsTest {

    @RegisterExtension
    final InMemoryMongo mongo = new InMemoryMongo();
    private ProcessedEvents processed;
    private Inbox inbox;

    @BeforeEach
    void setUp() {
        processed = new ProcessedEvents(mongo.client(), "dedupe_test");
        inbox = new Inbox(new ObjectMapper().findAndRegisterModules(), processed);
    }

    @Test
    void aRedeliveredEventIsHandledOnce() {
        AtomicInteger applied = new AtomicInteger();

        assertThat(processed.handleOnce("event-1", applied::incrementAndGet)).isTrue();
        assertThat(processed.handleOnce("event-1", applied::incrementAndGet)).isFalse();
        assertThat(processed.handleOnce("event-2", applied::incrementAndGet)).isTrue();

        assertThat(applied).hasValue(2);
        assertThat(processed.alreadyHandled("event-1")).isTrue();
    }

    @Test
    void aHandlerThatFailsIsRetriedOnRedelivery() {
        AtomicInteger applied = new AtomicInteger();

        assertThatThrownBy(() -> processed.handleOnce("event-3", () -> {
            throw new IllegalStateException("database hiccup");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(processed.alreadyHandled("event-3")).isFalse();
        assertThat(processed.handleOnce("event-3", applied::incrementAndGet)).isTrue();
        assertThat(applied).hasValue(1);
    }

    @Test
    void theInboxAppliesEachEventItIsConcernedWithOnceAndDoesNotRecordTheOthers() {
        List<String> applied = new ArrayList<>();
        String wanted = "{\"specversion\":\"1.0\",\"id\":\"event-4\",\"type\":\"user.registered\"}";
        String other = "{\"specversion\":\"1.0\",\"id\":\"event-5\",\"type\":\"message.sent\"}";

        for (String payload : List.of(wanted, other, wanted)) {
            inbox.receive(payload, event -> event.type().startsWith("user."), event -> applied.add(event.id()));
        }

        assertThat(applied).containsExactly("event-4");
        assertThat(processed.alreadyHandled("event-4")).isTrue();
        assertThat(processed.alreadyHandled("event-5")).isFalse();
    }
}
