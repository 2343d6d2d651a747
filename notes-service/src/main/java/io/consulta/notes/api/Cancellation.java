package io.consulta.notes.api;

/** Why the issuing doctor withdraws a prescription; {@code enteredInError} when it should never have existed. */
public record Cancellation(String reason, Boolean enteredInError) {
}
