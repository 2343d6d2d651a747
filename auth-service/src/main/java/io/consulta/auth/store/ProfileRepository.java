package io.consulta.auth.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.consulta.auth.domain.AccountStatus;
import io.consulta.common.events.Outbox;
import io.consulta.common.events.OutboxEntry;
import io.consulta.common.identity.Role;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class ProfileRepository implements PanacheMongoRepositoryBase<Profile, String> {

    void createIndexes(@Observes StartupEvent event) {
        var profiles = mongoCollection();
        profiles.createIndex(Indexes.ascending("emailLower"), new IndexOptions().unique(true).name("unique_email"));
        // Admins list doctors by status; directory searches are served from memory (DoctorDirectory), which
        // re-reads recently changed doctors every few seconds.
        profiles.createIndex(Indexes.ascending("role", "status", "nameLower", "_id"), new IndexOptions().name("directory"));
        profiles.createIndex(Indexes.ascending("role", "updatedAt"), new IndexOptions().name("changed_doctors"));
    }

    public boolean emailTaken(String emailLower) {
        return count("emailLower", emailLower) > 0;
    }

    /** Doctors in one account state, oldest sign-up first (at most {@code limit}). */
    public List<Profile> doctorsByStatus(AccountStatus status, int limit) {
        return mongoCollection().find(Filters.and(Filters.eq("role", Role.DOCTOR), Filters.eq("status", status.name())))
                .sort(Sorts.ascending("createdAt")).limit(limit).into(new ArrayList<>());
    }

    /**
     * Stores the user-editable fields of {@code edited} (see {@link Profile#apply}) with {@code event} in its outbox,
     * if the stored version is still {@code expectedVersion}; the profile after the write, or null when it changed.
     */
    public Profile updateIfVersion(Profile edited, long expectedVersion, OutboxEntry event) {
        List<Bson> update = new ArrayList<>(List.of(
                Updates.set("name", edited.name), Updates.set("nameLower", edited.nameLower),
                Updates.set("phone", edited.phone), Updates.set("photoMediaId", edited.photoMediaId)));
        if (edited.isDoctor()) {
            update.addAll(List.of(Updates.set("specialty", edited.specialty),
                    Updates.set("specialtyLower", edited.specialtyLower), Updates.set("bio", edited.bio),
                    Updates.set("languages", edited.languages), Updates.set("clinicAddress", edited.clinicAddress),
                    Updates.set("consultationFee", edited.consultationFee)));
        } else {
            update.add(Updates.set("dateOfBirth", edited.dateOfBirth));
        }
        update.addAll(List.of(Updates.set("updatedAt", Instant.now()), Updates.inc("version", 1L),
                Updates.push(Outbox.FIELD, event)));
        return mongoCollection().findOneAndUpdate(
                Filters.and(Filters.eq("_id", edited.id), Filters.eq("version", expectedVersion)),
                Updates.combine(update), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /**
     * Moves the account from {@code from} to {@code to} with {@code event} in its outbox, if it is still in
     * {@code from}: a rejection stores its reason, an approval clears an earlier one, disabling records when. The
     * profile after the write, or null when its status changed meanwhile.
     */
    public Profile changeStatus(String id, AccountStatus from, AccountStatus to, String rejectionReason,
                                OutboxEntry event) {
        Instant now = Instant.now();
        Bson extra = switch (to) {
            case REJECTED -> Updates.set("rejectionReason", rejectionReason);
            case DISABLED -> Updates.set("disabledAt", now);
            default -> Updates.unset("rejectionReason");
        };
        return mongoCollection().findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("status", from.name())),
                Updates.combine(Updates.set("status", to.name()), Updates.set("updatedAt", now),
                        Updates.inc("version", 1L), Updates.push(Outbox.FIELD, event), extra),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }
}
