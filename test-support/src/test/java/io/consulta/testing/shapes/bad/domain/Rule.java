package io.consulta.testing.shapes.bad.domain;

import jakarta.enterprise.context.ApplicationScoped;

/** Breaks the shape: a framework annotation in the domain. */
@ApplicationScoped
public class Rule {
}
