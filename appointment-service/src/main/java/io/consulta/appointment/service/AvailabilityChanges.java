package io.consulta.appointment.service;

import io.consulta.appointment.store.AvailabilityRecord;
import io.consulta.appointment.store.AvailabilityRepository;
import io.consulta.appointment.store.PersonRepository;
import io.consulta.appointment.store.TimeSource;
import io.consulta.common.domain.StaleVersionException;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

/** A doctor publishes their hours: a new version replaces the stored one, unless the caller read an older one. */
@ApplicationScoped
@RequiredArgsConstructor
public class AvailabilityChanges {

    /** The doctor publishing, as their token names them: they become bookable with these hours. */
    public record Publisher(String doctorId, String name, String email) {
    }

    private final AvailabilityRepository availability;
    private final PersonRepository people;
    private final TimeSource time;

    /**
     * Stores {@code hours} as the next version. {@code readVersion} is the version the doctor read (an If-Match ETag,
     * as sent); null publishes over whatever is stored.
     */
    public AvailabilityRecord publish(Publisher doctor, AvailabilityRecord hours, String readVersion) {
        AvailabilityRecord current = availability.findByIdOptional(doctor.doctorId()).orElse(null);
        long currentVersion = current == null ? 0 : current.version;
        if (readVersion != null && !readVersion.equals(String.valueOf(currentVersion))) {
            throw new StaleVersionException("The availability is at version " + currentVersion
                    + "; reload it and apply your change again");
        }
        hours.version = currentVersion + 1;
        hours.updatedAt = time.now();
        availability.persistOrUpdate(hours);
        people.knowDoctor(doctor.doctorId(), doctor.name(), doctor.email(), hours.updatedAt);
        return hours;
    }
}
