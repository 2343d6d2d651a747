package io.consulta.appointment;

import io.consulta.testing.ServiceContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceContractTest extends ServiceContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/appointments";
    }
}
