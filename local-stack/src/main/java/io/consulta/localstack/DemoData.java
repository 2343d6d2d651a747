package io.consulta.localstack;

import io.consulta.localstack.demo.ApiClient;
import io.consulta.localstack.demo.DemoClinic;
import io.consulta.localstack.demo.DemoOutcome;
import io.consulta.localstack.demo.DemoReport;
import io.consulta.localstack.demo.Endpoints;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/**
 * The demo data set behind {@code --demo-data}: profiles for the realm's demo users, the doctors' hours, one booked
 * visit and, after it, a few journal notes and a prescription, loaded through the services' public REST APIs only
 * (the services own their data and their events).
 */
public final class DemoData {

    private DemoData() {
    }

    /** What {@code ./consulta start --demo-data} runs once the stack is ready. */
    static DemoOutcome load(Stack stack, PrintStream out) {
        return load(stack.config().services(), out);
    }

    /**
     * Loads the demo clinic into the running services, or tops it up: a second load on kept data writes nothing.
     * Never throws for a refused step; it prints which step failed and returns it, and the stack keeps running.
     */
    public static DemoOutcome load(List<ServiceSpec> services, PrintStream out) {
        Endpoints endpoints = new Endpoints(Keycloak.issuer(StackConfig.KEYCLOAK_PORT) + "/protocol/openid-connect/token",
                urlOf(services, "auth-service"), urlOf(services, "appointment-service"),
                services.stream().anyMatch(s -> s.name().equals("notes-service"))
                        ? urlOf(services, "notes-service") : null);
        out.println("\nLoading demo data through the services' APIs...");
        Clock clock = Clock.systemUTC();
        DemoOutcome outcome = new DemoClinic(endpoints, new ApiClient(), clock).load();
        DemoReport.lines(outcome, endpoints, clock.instant()).forEach(out::println);
        return outcome;
    }

    private static String urlOf(List<ServiceSpec> services, String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " is not part of this stack; demo data needs it"))
                .url();
    }
}
