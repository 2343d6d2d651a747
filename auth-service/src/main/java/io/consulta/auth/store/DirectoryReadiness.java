package io.consulta.auth.store;

import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the doctor directory is in memory: a replica without it could only answer searches with 503. */
@Readiness
@ApplicationScoped
@RequiredArgsConstructor
public class DirectoryReadiness implements HealthCheck {

    private final DoctorDirectory directory;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("doctor directory").status(directory.isLoaded())
                .withData("doctors", directory.size()).build();
    }
}
