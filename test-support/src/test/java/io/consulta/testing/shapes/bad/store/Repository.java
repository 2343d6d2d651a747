package io.consulta.testing.shapes.bad.store;

import io.consulta.testing.shapes.bad.events.Consumer;

/** Breaks the shape: a store that knows a consumer (store → events, and a cycle with it). */
public class Repository {

    public String save(String name) {
        return Consumer.topic() + name;
    }
}
