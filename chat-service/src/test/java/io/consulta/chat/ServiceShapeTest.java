package io.consulta.chat;

import io.consulta.testing.ServiceShape;
import org.junit.jupiter.api.Test;

/** chat-service keeps the one shape of a service: see {@link ServiceShape} and ARCHITECTURE.md. */
class ServiceShapeTest {

    @Test
    void packagesDependOneWay() {
        ServiceShape.check("io.consulta.chat");
    }
}
