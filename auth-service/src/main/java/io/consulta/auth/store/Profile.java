package io.consulta.auth.store;

import io.consulta.auth.domain.AccountStatus;
import io.consulta.auth.domain.Names;
import io.consulta.auth.domain.ProfileChange;
import io.consulta.common.contracts.IdentityEvents.IdentityData;
import io.consulta.common.events.OutboxEntry;
import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A user's profile; the id is the Keycloak user id (token sub). Search fields are kept lower-cased. */
@MongoEntity(collection = "profiles")
public class Profile {

    @BsonId
    public String id;
    public String role;
    public AccountStatus status;
    public String email;
    public String emailLower;
    public String name;
    public String nameLower;
    public String phone;
    public String photoMediaId;

    public LocalDate dateOfBirth;

    public String specialty;
    public String specialtyLower;
    public String licenceNumber;
    public String bio;
    public List<String> languages = new ArrayList<>();
    public String clinicAddress;
    public BigDecimal consultationFee;
    public String rejectionReason;

    public Instant createdAt;
    public Instant updatedAt;
    public long version;
    public List<OutboxEntry> outbox = new ArrayList<>();

    public boolean isDoctor() {
        return "doctor".equals(role);
    }

    /** Applies an edit of the user's own fields (normalized), as {@link ProfileRepository#updateIfVersion} stores it. */
    public void apply(ProfileChange change) {
        name = change.name();
        nameLower = Names.searchable(change.name());
        phone = change.phone();
        photoMediaId = change.photoMediaId();
        if (isDoctor()) {
            specialty = change.specialty();
            specialtyLower = Names.searchable(change.specialty());
            bio = change.bio();
            languages = change.languages();
            clinicAddress = change.clinicAddress();
            consultationFee = change.consultationFee();
        } else {
            dateOfBirth = change.dateOfBirth();
        }
    }

    /** The profile as identity events carry it: public fields, a patient's date of birth, a doctor's licence. */
    public IdentityData eventData() {
        return new IdentityData(id, role, status.name(), name, email, specialty, isDoctor() ? languages : null, null,
                isDoctor() ? null : dateOfBirth, isDoctor() ? licenceNumber : null);
    }
}
