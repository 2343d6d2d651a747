package io.consulta.localstack;

import org.junit.jupiter.api.RepeatedTest;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaTest {

    @RepeatedTest(50)
    void clusterIdsAreKafkaShapedAndNeverLookLikeAnOption() {
        String id = Kafka.newClusterId();

        assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+").doesNotStartWith("-");
    }
}
