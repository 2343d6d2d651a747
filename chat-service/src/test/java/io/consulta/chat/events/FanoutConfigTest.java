package io.consulta.chat.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.chat.ChatConfig;
import io.consulta.chat.service.Replica;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A production broker with TLS and SASL: the fan-out's own producer and consumer get every kafka.* setting. */
class FanoutConfigTest {

    private static final Map<String, Object> SECURED_BROKER = Map.of(
            "bootstrap.servers", "kafka-0.kafka:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "ssl.truststore.location", "/etc/kafka/truststore.p12",
            "linger.ms", 50);

    private final Fanout fanout = new Fanout(new ObjectMapper(), new Replica(), records -> {
    }, SECURED_BROKER, new Settings());

    @Test
    void theProducerGetsEveryBrokerSettingAndKeepsItsOwnLatency() {
        assertThat(fanout.producerConfig()).containsEntry("bootstrap.servers", "kafka-0.kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("linger.ms", 0);
    }

    @Test
    void theConsumerGetsEveryBrokerSettingItKnows() {
        assertThat(fanout.consumerConfig()).containsEntry("bootstrap.servers", "kafka-0.kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("enable.auto.commit", false).doesNotContainKey("linger.ms");
    }

    /** {@code consulta.chat.*} with its defaults. */
    private static final class Settings implements ChatConfig {

        @Override
        public Limits limits() {
            throw new UnsupportedOperationException("not read by Fanout");
        }

        @Override
        public Fanout fanout() {
            return new Fanout() {
                @Override
                public String topic() {
                    return "consulta.chat.fanout";
                }

                @Override
                public short replicationFactor() {
                    return 1;
                }
            };
        }

        @Override
        public HistoryCache historyCache() {
            throw new UnsupportedOperationException("not read by Fanout");
        }

        @Override
        public int writers() {
            return 1;
        }

        @Override
        public Duration gatherFor() {
            return Duration.ZERO;
        }
    }
}
