package io.consulta.testing.shapes.good.api;

import io.consulta.testing.shapes.good.service.UseCase;

public class Resource {

    public String get(String name) {
        return new UseCase().run(name).name();
    }
}
