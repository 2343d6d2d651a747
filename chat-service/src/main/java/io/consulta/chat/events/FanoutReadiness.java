package io.consulta.chat.events;

import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A replica takes sockets only once it hears the other replicas, or its users would miss their messages. */
@Readiness
@ApplicationScoped
@RequiredArgsConstructor
public class FanoutReadiness implements HealthCheck {

    private final Fanout fanout;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("chat fan-out").status(fanout.isReady())
                .withData("replica", fanout.replicaId()).build();
    }
}
