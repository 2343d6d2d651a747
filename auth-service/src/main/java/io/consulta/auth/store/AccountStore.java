package io.consulta.auth.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.consulta.auth.domain.AccountStatus;
import io.consulta.auth.domain.IdentityProvider;
import io.consulta.auth.domain.IllegalTransitionException;
import io.consulta.auth.domain.Names;
import io.consulta.common.contracts.IdentityEvents;
import io.consulta.common.contracts.IdentityEvents.IdentityData;
import io.consulta.common.events.Outbox;
import io.consulta.common.events.OutboxEntry;
import io.consulta.common.identity.Role;
import io.consulta.common.problem.ApiException;
import io.consulta.common.store.DuplicateKey;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Accounts span Keycloak (credentials, roles) and the profile store. Every operation orders its writes so that a
 * failure half-way leaves nothing half-made: the Keycloak user is removed again if its profile cannot be stored, and
 * each profile change carries its event in the same document write. Every profile write is also handed to the
 * {@link DoctorDirectory}, so this replica's directory shows it at once.
 */
@ApplicationScoped
public class AccountStore {

    private static final Logger LOG = Logger.getLogger(AccountStore.class);

    private final ProfileRepository profiles;
    private final IdentityProvider identityProvider;
    private final Outbox outbox;
    private final DoctorDirectory directory;

    public AccountStore(ProfileRepository profiles, IdentityProvider identityProvider, Outbox outbox,
                        DoctorDirectory directory) {
        this.profiles = profiles;
        this.identityProvider = identityProvider;
        this.outbox = outbox;
        this.directory = directory;
    }

    /** Creates the Keycloak user, then the profile; patients get their role at once, doctors only on approval. */
    public Profile register(Profile draft, String password) {
        if (profiles.emailTaken(draft.emailLower)) {
            throw ApiException.conflict("An account with this e-mail already exists");
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
        return draft;
    }

    /** A user who exists in Keycloak but has no profile yet (demo users, accounts made by an admin) gets one. */
    public Profile provision(Profile fromToken) {
        fromToken.outbox.add(event(IdentityEvents.USER_REGISTERED, fromToken, fromToken.eventData()));
        try {
            profiles.persist(fromToken);
        } catch (MongoWriteException e) {
            if (DuplicateKey.is(e)) {
                return profiles.findByIdOptional(fromToken.id)
                        .orElseThrow(() -> ApiException.conflict("Another account already uses this e-mail"));
            }
            throw e;
        }
        directory.changed(fromToken);
        outbox.flush(fromToken.id);
        return fromToken;
    }

    /** Applies {@code changes} if the stored version is still {@code expectedVersion}; 412 otherwise. */
    public Profile update(String id, long expectedVersion, List<Bson> changes, Consumer<Profile> preview) {
        Profile current = profiles.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Profile", id));
        if (current.version != expectedVersion) {
            throw stale(current.version);
        }
        preview.accept(current);
        List<Bson> update = new ArrayList<>(changes);
        update.add(Updates.set("updatedAt", Instant.now()));
        update.add(Updates.inc("version", 1L));
        update.add(Updates.push(Outbox.FIELD, event(IdentityEvents.PROFILE_UPDATED, current, current.eventData())));
        Profile updated = profiles.mongoCollection().findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("version", expectedVersion)), Updates.combine(update),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
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
        return changeStatus(doctor, next, IdentityEvents.DOCTOR_APPROVED, null,
                Updates.unset("rejectionReason"));
    }

    public Profile reject(String doctorId, String reason) {
        Profile doctor = pendingDoctor(doctorId);
        AccountStatus next = transition(() -> doctor.status.reject());
        return changeStatus(doctor, next, IdentityEvents.DOCTOR_REJECTED, reason,
                Updates.set("rejectionReason", reason));
    }

    /** Disables the Keycloak user first (ending its sessions), then the profile; both steps are safe to repeat. */
    public Profile disable(String userId) {
        Profile account = profiles.findByIdOptional(userId).orElseThrow(() -> ApiException.notFound("User", userId));
        AccountStatus next = transition(() -> account.status.disable());
        try {
            identityProvider.disableUser(userId);
        } catch (IdentityProvider.UnavailableException e) {
            throw ApiException.unavailable("The identity provider is unavailable; the account was not disabled");
        }
        return changeStatus(account, next, IdentityEvents.USER_DISABLED, null, Updates.set("disabledAt", Instant.now()));
    }

    private Profile changeStatus(Profile profile, AccountStatus next, String eventType, String reason, Bson extra) {
        AccountStatus previous = profile.status;
        profile.status = next;
        IdentityData data = profile.eventData();
        OutboxEntry entry = event(eventType, profile, reason == null ? data : data.withReason(reason));
        Profile updated = profiles.mongoCollection().findOneAndUpdate(
                Filters.and(Filters.eq("_id", profile.id), Filters.eq("status", previous.name())),
                Updates.combine(Updates.set("status", next.name()), Updates.set("updatedAt", Instant.now()),
                        Updates.inc("version", 1L), Updates.push(Outbox.FIELD, entry), extra),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (updated == null) {
            throw ApiException.conflict("The account changed meanwhile; reload it and try again");
        }
        directory.changed(updated);
        outbox.flush(updated.id);
        return updated;
    }

    private Profile pendingDoctor(String doctorId) {
        return profiles.findByIdOptional(doctorId).filter(Profile::isDoctor)
                .orElseThrow(() -> ApiException.notFound("Doctor", doctorId));
    }

    private static AccountStatus transition(java.util.function.Supplier<AccountStatus> change) {
        try {
            return change.get();
        } catch (IllegalTransitionException e) {
            throw ApiException.conflict(e.getMessage());
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
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof IdentityProvider.DuplicateUserException
                || failure instanceof MongoWriteException write && DuplicateKey.is(write)) {
            return ApiException.conflict("An account with this e-mail already exists");
        }
        if (failure instanceof IdentityProvider.RefusedFieldException refused) {
            return refused.field() == null ? ApiException.badRequest(refused.getMessage())
                    : ApiException.invalidField(refused.field(), refused.getMessage());
        }
        if (failure instanceof IdentityProvider.UnavailableException) {
            return ApiException.unavailable("The identity provider is unavailable; nothing was created, please retry");
        }
        return failure;
    }

    private OutboxEntry event(String type, Profile profile, Object data) {
        return outbox.event(IdentityEvents.TOPIC, type, profile.id, data);
    }

    private static ApiException stale(long currentVersion) {
        return ApiException.preconditionFailed("The profile was changed meanwhile (now at version " + currentVersion
                + "); reload it and apply your change again");
    }
}
