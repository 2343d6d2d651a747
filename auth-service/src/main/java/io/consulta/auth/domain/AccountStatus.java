package io.consulta.auth.domain;

/**
 * Where an account stands. Patients are ACTIVE at once; doctors wait as PENDING until an admin approves them
 * (ACTIVE) or rejects them (REJECTED). Any account can be DISABLED by an admin.
 */
public enum AccountStatus {
    ACTIVE, PENDING, REJECTED, DISABLED;

    public AccountStatus approve() {
        if (this != PENDING && this != REJECTED) {
            throw new IllegalTransitionException("Only a pending or rejected doctor can be approved; this one is " + this);
        }
        return ACTIVE;
    }

    public AccountStatus reject() {
        if (this != PENDING) {
            throw new IllegalTransitionException("Only a pending doctor can be rejected; this one is " + this);
        }
        return REJECTED;
    }

    public AccountStatus disable() {
        if (this == DISABLED) {
            throw new IllegalTransitionException("This account is already disabled");
        }
        return DISABLED;
    }
}
