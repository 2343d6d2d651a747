package io.consulta.notes.service;

import io.consulta.common.care.CareRelationships;
import io.consulta.common.domain.NotFoundException;
import io.consulta.common.identity.Caller;
import io.consulta.notes.domain.JournalAccess;
import jakarta.enterprise.context.RequestScoped;
import lombok.RequiredArgsConstructor;

/** Who the caller is to a patient's record: the one question every read and write of this service starts with. */
@RequestScoped
@RequiredArgsConstructor
public class Readers {

    private final Caller caller;
    private final CareRelationships relationships;

    public String me() {
        return caller.id();
    }

    public boolean isDoctor() {
        return caller.isDoctor();
    }

    public JournalAccess accessTo(String patientId) {
        String me = caller.id();
        boolean doctor = caller.isDoctor();
        return JournalAccess.of(me, caller.isPatient(), doctor, patientId,
                doctor && relationships.hasActiveAppointment(me, patientId));
    }

    /** The caller's access to the patient's record; 404 when they have none (the record is not disclosed). */
    public JournalAccess require(String patientId, String what) {
        JournalAccess access = accessTo(patientId);
        if (!access.granted()) {
            throw new NotFoundException(what, patientId);
        }
        return access;
    }
}
