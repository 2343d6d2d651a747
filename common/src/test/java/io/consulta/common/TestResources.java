package io.consulta.common;

import io.consulta.testing.KafkaTestResource;
import io.consulta.testing.MongoTestResource;
import io.consulta.testing.TokenTestResource;
import io.quarkus.test.common.QuarkusTestResource;

@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
public final class TestResources {

    private TestResources() {
    }
}
