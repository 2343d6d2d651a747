package io.consulta.media;

import io.consulta.testing.ServiceShape;
import org.junit.jupiter.api.Test;

/** media-service keeps the one shape of a service: see {@link ServiceShape} and ARCHITECTURE.md. */
class ServiceShapeTest {

    @Test
    void packagesDependOneWay() {
        ServiceShape.check("io.consulta.media");
    }
}
