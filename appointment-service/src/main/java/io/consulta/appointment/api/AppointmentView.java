package io.consulta.appointment.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.consulta.appointment.domain.AppointmentStatus;
import io.consulta.appointment.domain.VisitType;
import io.consulta.appointment.store.Appointment;

import java.time.Instant;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppointmentView(String id, String doctorId, String doctorName, String patientId, String patientName,
                              Instant start, Instant end, VisitType visitType, AppointmentStatus status, String reason,
                              String cancelledBy, String cancellationReason, Instant checkedInAt, Instant startedAt,
                              Instant completedAt, Instant createdAt, Instant updatedAt, long version) {

    static AppointmentView of(Appointment visit, Map<String, String> names) {
        return new AppointmentView(visit.id, visit.doctorId, names.get(visit.doctorId), visit.patientId,
                names.get(visit.patientId), visit.start, visit.end, visit.visitType, visit.status, visit.reason,
                visit.cancelledByRole, visit.cancellationReason, visit.checkedInAt, visit.startedAt, visit.completedAt,
                visit.createdAt, visit.updatedAt, visit.version);
    }
}
