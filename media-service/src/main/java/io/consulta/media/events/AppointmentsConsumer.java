package io.consulta.media.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consulta.common.care.CareEventConsumer;
import io.consulta.common.care.CareRelationships;
import io.consulta.common.events.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** consulta.appointments: keeps the care-relationship projection that lets doctors see their patients' media. */
@Singleton
public class AppointmentsConsumer extends CareEventConsumer {

    public AppointmentsConsumer(ObjectMapper json, ProcessedEvents processed, CareRelationships relationships) {
        super(json, processed, relationships);
    }

    @Incoming("appointments")
    @Blocking
    public void onAppointment(String payload) {
        onEvent(payload);
    }
}
