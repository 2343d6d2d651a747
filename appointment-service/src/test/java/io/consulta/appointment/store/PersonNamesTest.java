package io.consulta.appointment.store;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The names shown in lists are kept for a while; what this replica changes is shown at once. */
@QuarkusTest
class PersonNamesTest {

    @Inject
    PersonRepository people;

    @Test
    void a_renamed_person_is_shown_with_the_new_name_at_once() {
        String patient = "pat-" + UUID.randomUUID();
        people.record(patient, "patient", "ACTIVE", "Ann Old", "ann@example.org", Instant.now());
        assertThat(people.namesOf(List.of(patient))).containsEntry(patient, "Ann Old");

        people.record(patient, null, null, "Ann New", null, Instant.now());

        assertThat(people.namesOf(List.of(patient))).containsEntry(patient, "Ann New");
    }

    @Test
    void a_person_unknown_when_first_asked_about_is_named_once_their_identity_arrives() {
        String doctor = "doc-" + UUID.randomUUID();
        String stranger = "pat-" + UUID.randomUUID();
        assertThat(people.namesOf(List.of(doctor, stranger))).isEmpty();

        people.record(doctor, "doctor", "ACTIVE", "Dr Hart", "hart@example.org", Instant.now());

        assertThat(people.namesOf(List.of(doctor, stranger))).containsOnlyKeys(doctor).containsEntry(doctor, "Dr Hart");
    }

    @Test
    void names_are_read_from_memory_once_known() {
        String patient = "pat-" + UUID.randomUUID();
        people.record(patient, "patient", "ACTIVE", "Bo Kept", null, Instant.now());
        people.namesOf(List.of(patient));

        // another replica's change reaches this one's list within PersonRepository.NAMES_KEPT
        people.mongoCollection().deleteOne(com.mongodb.client.model.Filters.eq("_id", patient));

        assertThat(people.namesOf(List.of(patient))).containsEntry(patient, "Bo Kept");
        assertThat(PersonRepository.NAMES_KEPT).isLessThanOrEqualTo(java.time.Duration.ofMinutes(1));
    }
}
