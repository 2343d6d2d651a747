package io.consulta.testing.shapes.good.store;

import io.consulta.testing.shapes.good.domain.Rule;

public class Repository {

    public Rule find(String name) {
        return new Rule(name);
    }
}
