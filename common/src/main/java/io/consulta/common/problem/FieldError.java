package io.consulta.common.problem;

/** One invalid input field: where it is (dotted path, e.g. {@code address.city}) and what is wrong with it. */
public record FieldError(String field, String message) {
}
