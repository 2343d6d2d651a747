package io.consulta.auth.api;

import io.consulta.auth.store.Profile;

import java.time.Instant;

/** What an admin sees of an account: its state, never clinical content. */
public record AccountState(String id, String role, String status, String name, String email, Instant createdAt,
                           String rejectionReason) {

    public static AccountState of(Profile p) {
        return new AccountState(p.id, p.role, p.status.name(), p.name, p.email, p.createdAt, p.rejectionReason);
    }
}
