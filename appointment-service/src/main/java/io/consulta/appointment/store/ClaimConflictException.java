package io.consulta.appointment.store;

/** The unique claims index refused a write: some other visit or hold already takes part of that time. */
public class ClaimConflictException extends RuntimeException {

    public ClaimConflictException() {
        super("the time is already claimed");
    }
}
