package io.consulta.notes.service;

import io.consulta.common.domain.NotFoundException;
import io.consulta.common.domain.TooManyRequestsException;
import io.consulta.common.limits.RateLimiter;
import io.consulta.common.store.AuditLog;
import io.consulta.notes.domain.CheckOutcome;
import io.consulta.notes.domain.PrescriptionItem;
import io.consulta.notes.domain.VerificationCode;
import io.consulta.notes.store.PrescriptionStore;
import io.consulta.notes.store.StoredPrescription;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The pharmacist's check of a verification code, without an account. Rate-limited per client address before anything
 * is looked up, so codes cannot be enumerated; answers carry no identity of patient or doctor.
 */
@ApplicationScoped
public class PrescriptionCheck {

    private final PrescriptionStore prescriptions;
    private final AuditLog audit;
    private final RateLimiter limit;

    public PrescriptionCheck(PrescriptionStore prescriptions, AuditLog audit, CheckSettings settings) {
        this.prescriptions = prescriptions;
        this.audit = audit;
        this.limit = new RateLimiter(settings.burst(), settings.perMinute(), Duration.ofMinutes(1), settings.maxClients());
    }

    public CheckAnswer check(String typedCode, String clientAddress) {
        limit.tryAcquire(clientAddress).ifPresent(wait -> {
            throw new TooManyRequestsException("Too many checks from your address; try again later", wait);
        });
        StoredPrescription p = VerificationCode.parse(typedCode).flatMap(c -> prescriptions.findByCode(c.value()))
                .orElseThrow(() -> new NotFoundException("Prescription with code", "(as given)"));
        CheckOutcome outcome = CheckOutcome.of(p.status(), p.validUntil(), PrescriptionService.today());
        audit.record("anonymous pharmacist", "checked prescription", p.id(),
                Map.of("why", "verification code", "client", clientAddress, "outcome", outcome.wire()));
        return new CheckAnswer(outcome.wire(), p.issuedAt().atZone(ZoneOffset.UTC).toLocalDate(), p.validUntil(),
                p.items().stream().map(PrescriptionItem::medication).toList());
    }
}
