package io.consulta.media;

import io.consulta.testing.KafkaTestResource;
import io.consulta.testing.MongoTestResource;
import io.consulta.testing.TokenTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Test infrastructure for every @QuarkusTest of this module: in-memory MongoDB protocol server (GridFS included),
 * local token keys, and a real Kafka broker (appointments come in through it, media events go out through it).
 */
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
public final class TestResources {

    private TestResources() {
    }
}
