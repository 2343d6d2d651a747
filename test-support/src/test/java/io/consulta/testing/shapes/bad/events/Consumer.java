package io.consulta.testing.shapes.bad.events;

import io.consulta.testing.shapes.bad.store.Repository;

public class Consumer {

    public static String topic() {
        return "t";
    }

    public void on(String name) {
        new Repository().save(name);
    }
}
