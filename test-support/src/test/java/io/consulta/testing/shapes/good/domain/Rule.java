package io.consulta.testing.shapes.good.domain;

public record Rule(String name) {
}
