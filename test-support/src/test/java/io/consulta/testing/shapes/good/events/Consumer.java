package io.consulta.testing.shapes.good.events;

import io.consulta.testing.shapes.good.service.UseCase;

public class Consumer {

    public void on(String name) {
        new UseCase().run(name);
    }
}
