package io.consulta.common.http;

import io.consulta.testing.ServiceContract;
import io.quarkus.test.junit.QuarkusTest;

/** common's defaults alone (management interface, token audience and sub, headers, CORS) give a service the contract. */
@QuarkusTest
class CommonServiceContractTest extends ServiceContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/probe/me";
    }
}
