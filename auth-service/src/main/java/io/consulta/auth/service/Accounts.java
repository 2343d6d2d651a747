package io.consulta.auth.service;

import com.mongodb.MongoWriteException;
import io.consulta.auth.domain.AccountStatus;
import io.consulta.auth.domain.IdentityProvider;
import io.consulta.auth.domain.IllegalTransitionException;
import io.consulta.auth.domain.Names;
import io.consulta.auth.domain.ProfileChange;
import io.consulta.auth.domain.SignUpRefusedException;
import io.consulta.auth.store.DoctorDirectory;
import io.consulta.auth.store.Profile;
import io.consulta.auth.store.ProfileRepository;
import io.consulta.common.events.Outbox;
import io.consulta.common.contracts.IdentityEvents;
import io.consulta.common.contracts.IdentityEvents.IdentityData;
import io.consulta.common.events.OutboxEntry;
import io.consulta.common.identity.Role;
import io.consulta.common.domain.ConflictException;
import io.consulta.common.domain.DomainException;
import io.consulta.common.domain.InvalidInputException;
import io.consulta.common.domain.NotFoundException;
import io.consulta.common.domain.StaleVersionException;
import io.consulta.common.domain.UnavailableException;
import io.consulta.common.store.DuplicateKey;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

/**
 * Accounts span Keycloak (credentials, roles) and the profile store. Every operation orders its writes so that a
 * failure half-way leaves nothing half-made: the Keycloak user is removed again if its profile cannot be stored, and
 * each profile change carries its event in the same document write. Every profile write is also handed to the
 * {@link DoctorDirectory}, so this replica's directory shows it at once.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class);

    private final ProfileRepository profiles;
    private final IdentityProvider identityProvider;
    private final Outbox outbox;
    private final DoctorDirectory directory;

    /** Creates the Keycloak user, then the profile; patients get their role at once, doctors only on approval. */
    public Profile register(Profile draft, String password) {
        if (profiles.emailTaken(draft.emailLower)) {
            throw new ConflictException("An account with this e-mail already exists");
        }
        String userId = createIdentity(draft, password);
        try {
            if (!draft.isDoctor()) {
                identityProvider.grantRealmRole(userId, Role.PATIENT);
            }
            draft.id = userId;
            draft.outbox.add(event(IdentityEvents.USER_REGISTERED, draft, draft.eventData()));
            profiles.persist(draft);
        } catch (RuntimeException failure) {
            undoIdentity(userId, failure);
            throw translate(failure);
        }
        directory.changed(draft);
        outbox.flush(draft.id);
        sendVerificationEmail(userId);
        return draft;
    }

    /** The account exists either way; without the e-mail the user asks for another one (Keycloak's account console). */
    private void sendVerificationEmail(String userId) {
        try {
            identityProvider.sendVerificationEmail(userId);
        } catch (RuntimeException failure) {
            LOG.warnf("Verification e-mail for new user %s not sent: %s", userId, failure.getMessage());
        }
    }

    /** A user who exists in Keycloak but has no profile yet (demo users, accounts made by an admin) gets one. */
    public Profile provision(Profile fromToken) {
        fromToken.outbox.add(event(IdentityEvents.USER_REGISTERED, fromToken, fromToken.eventData()));
        try {
            profiles.persist(fromToken);
        } catch (MongoWriteException e) {
            if (DuplicateKey.is(e)) {
                return profiles.findByIdOptional(fromToken.id)
                        .orElseThrow(() -> new ConflictException("Another account already uses this e-mail"));
            }
            throw e;
        }
        directory.changed(fromToken);
        outbox.flush(fromToken.id);
        return fromToken;
    }

    /**
     * Replaces the user's own editable fields if the stored version is still {@code expectedVersion} (412 otherwise);
     * the event carries the profile as it is after the change.
     */
    public Profile update(String id, long expectedVersion, ProfileChange change) {
        Profile current = profiles.findByIdOptional(id).orElseThrow(() -> new NotFoundException("Profile", id));
        if (current.isDoctor() && (change.specialty() == null || change.specialty().isBlank())) {
            throw new InvalidInputException("specialty", "is required for doctors");
        }
        if (current.version != expectedVersion) {
            throw stale(current.version);
        }
        current.apply(change.normalized());
        Profile updated = profiles.updateIfVersion(current, expectedVersion,
                event(IdentityEvents.PROFILE_UPDATED, current, current.eventData()));
        if (updated == null) {
            throw stale(profiles.findByIdOptional(id).map(p -> p.version).orElse(-1L));
        }
        directory.changed(updated);
        outbox.flush(updated.id);
        return updated;
    }

    public Profile approve(String doctorId) {
        Profile doctor = pendingDoctor(doctorId);
        AccountStatus next = transition(() -> doctor.status.approve());
        try {
            identityProvider.grantRealmRole(doctorId, Role.DOCTOR);
        } catch (RuntimeException failure) {
            throw translate(failure);
        }
        return changeStatus(doctor, next, IdentityEvents.DOCTOR_APPROVED, null);
    }

    public Profile reject(String doctorId, String reason) {
        Profile doctor = pendingDoctor(doctorId);
        AccountStatus next = transition(() -> doctor.status.reject());
        return changeStatus(doctor, next, IdentityEvents.DOCTOR_REJECTED, reason);
    }

    /** Disables the Keycloak user first (ending its sessions), then the profile; both steps are safe to repeat. */
    public Profile disable(String userId) {
        Profile account = profiles.findByIdOptional(userId).orElseThrow(() -> new NotFoundException("User", userId));
        AccountStatus next = transition(() -> account.status.disable());
        try {
            identityProvider.disableUser(userId);
        } catch (IdentityProvider.UnavailableException e) {
            throw new UnavailableException("The identity provider is unavailable; the account was not disabled");
        }
        return changeStatus(account, next, IdentityEvents.USER_DISABLED, null);
    }

    private Profile changeStatus(Profile profile, AccountStatus next, String eventType, String reason) {
        AccountStatus previous = profile.status;
        profile.status = next;
        IdentityData data = profile.eventData();
        OutboxEntry entry = event(eventType, profile, reason == null ? data : data.withReason(reason));
        Profile updated = profiles.changeStatus(profile.id, previous, next, reason, entry);
        if (updated == null) {
            throw new ConflictException("The account changed meanwhile; reload it and try again");
        }
        directory.changed(updated);
        outbox.flush(updated.id);
        return updated;
    }

    private Profile pendingDoctor(String doctorId) {
        return profiles.findByIdOptional(doctorId).filter(Profile::isDoctor)
                .orElseThrow(() -> new NotFoundException("Doctor", doctorId));
    }

    private static AccountStatus transition(java.util.function.Supplier<AccountStatus> change) {
        try {
            return change.get();
        } catch (IllegalTransitionException e) {
            throw new ConflictException(e.getMessage());
        }
    }

    private String createIdentity(Profile draft, String password) {
        try {
            return identityProvider.createUser(new IdentityProvider.NewUser(draft.email, password,
                    Names.firstName(draft.name), Names.lastName(draft.name)));
        } catch (RuntimeException failure) {
            throw translate(failure);
        }
    }

    private void undoIdentity(String userId, RuntimeException cause) {
        try {
            identityProvider.deleteUser(userId);
        } catch (RuntimeException cleanupFailure) {
            LOG.errorf(cleanupFailure, "Sign-up failed (%s) and Keycloak user %s could not be removed; remove it by hand",
                    cause.getMessage(), userId);
        }
    }

    private static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof DomainException known) {
            return known;
        }
        if (failure instanceof IdentityProvider.DuplicateUserException
                || failure instanceof MongoWriteException write && DuplicateKey.is(write)) {
            return new ConflictException("An account with this e-mail already exists");
        }
        if (failure instanceof IdentityProvider.RefusedFieldException refused) {
            // a refusal that names no field gets a plain 400 with Keycloak's reason
            return refused.field() == null ? new SignUpRefusedException(refused.getMessage())
                    : new InvalidInputException(refused.field(), refused.getMessage());
        }
        if (failure instanceof IdentityProvider.UnavailableException) {
            return new UnavailableException("The identity provider is unavailable; nothing was created, please retry");
        }
        return failure;
    }

    private OutboxEntry event(String type, Profile profile, Object data) {
        return outbox.event(IdentityEvents.TOPIC, type, profile.id, data);
    }

    private static StaleVersionException stale(long currentVersion) {
        return new StaleVersionException("The profile was changed meanwhile (now at version " + currentVersion
                + "); reload it and apply your change again");
    }
}
