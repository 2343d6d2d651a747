package io.consulta.media;

import io.consulta.testing.MongoTestResource;
import io.consulta.testing.TokenTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Test infrastructure for every @QuarkusTest of this module: in-memory MongoDB protocol server, local token keys. */
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
public final class TestResources {

    private TestResources() {
    }
}
