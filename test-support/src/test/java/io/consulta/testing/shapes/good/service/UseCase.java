package io.consulta.testing.shapes.good.service;

import io.consulta.testing.shapes.good.domain.Rule;
import io.consulta.testing.shapes.good.store.Repository;

public class UseCase {

    private final Repository repository = new Repository();

    public Rule run(String name) {
        return repository.find(name);
    }
}
