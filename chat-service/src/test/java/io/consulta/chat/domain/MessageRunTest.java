package io.consulta.chat.domain;

import io.consulta.chat.domain.MessageRun.UnreadChange;
import io.consulta.chat.domain.Participants.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.consulta.chat.domain.Participants.Side.DOCTOR;
import static io.consulta.chat.domain.Participants.Side.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageRunTest {

    @Test
    void messagesFromOneSideCountAsUnreadForTheOtherAndClearTheSendersCount() {
        MessageRun run = new MessageRun(List.of(PATIENT, PATIENT, PATIENT));

        assertThat(run.unreadOf(DOCTOR)).isEqualTo(new UnreadChange(false, 3));
        assertThat(run.unreadOf(PATIENT)).isEqualTo(new UnreadChange(true, 0));
    }

    @Test
    void aReplyResetsTheRepliersCountToWhatCameAfterIt() {
        MessageRun run = new MessageRun(List.of(PATIENT, DOCTOR, PATIENT, PATIENT));

        // the doctor wrote (so had read everything), then two more patient messages came
        assertThat(run.unreadOf(DOCTOR)).isEqualTo(new UnreadChange(true, 2));
        assertThat(run.unreadOf(PATIENT)).isEqualTo(new UnreadChange(true, 0));
    }

    @Test
    void oneWriteGivesTheSameCountsAsOneUpdatePerMessage() {
        Random random = new Random(6);
        for (int trial = 0; trial < 1_000; trial++) {
            List<Side> senders = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
                senders.add(random.nextBoolean() ? PATIENT : DOCTOR);
            }
            Map<Side, Long> before = new EnumMap<>(Map.of(PATIENT, (long) random.nextInt(5), DOCTOR, (long) random.nextInt(5)));

            Map<Side, Long> oneByOne = new EnumMap<>(before);
            for (Side sender : senders) {
                oneByOne.merge(sender.other(), 1L, Long::sum);
                oneByOne.put(sender, 0L);
            }
            MessageRun run = new MessageRun(senders);
            for (Side side : Side.values()) {
                UnreadChange change = run.unreadOf(side);
                long after = change.reset() ? change.value() : before.get(side) + change.value();
                assertThat(after).as("%s after %s", side, senders).isEqualTo(oneByOne.get(side));
            }
        }
    }

    @Test
    void aRunHasAtLeastOneMessage() {
        assertThatThrownBy(() -> new MessageRun(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
