package io.consulta.notes;

import io.consulta.testing.KafkaTestResource;
import io.consulta.testing.MongoTestResource;
import io.consulta.testing.TokenTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Test infrastructure for every @QuarkusTest of this module: in-memory MongoDB protocol server, local token keys, a
 * real Kafka broker (appointment, identity and media events come in through it; note events go out through it).
 */
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
public final class TestResources {

    private TestResources() {
    }
}
