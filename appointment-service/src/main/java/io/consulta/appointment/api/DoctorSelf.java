package io.consulta.appointment.api;

import io.consulta.common.identity.Caller;
import io.consulta.common.problem.ApiException;

/** Only a doctor changes their own hours and time off. */
final class DoctorSelf {

    private DoctorSelf() {
    }

    static void require(Caller caller, String doctorId, String what) {
        if (!caller.isDoctor() || !caller.id().equals(doctorId)) {
            throw ApiException.forbidden("Only doctor " + doctorId + " can " + what);
        }
    }
}
