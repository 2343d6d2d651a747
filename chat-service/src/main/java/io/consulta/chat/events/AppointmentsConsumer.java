package io.consulta.chat.events;

import io.consulta.chat.domain.AppointmentFacts;
import io.consulta.chat.domain.NotificationRules;
import io.consulta.chat.store.Users;
import io.consulta.common.care.CareRelationshipRule;
import io.consulta.common.care.CareRelationships;
import io.consulta.common.contracts.AppointmentEvents;
import io.consulta.chat.service.Notifier;
import io.consulta.common.events.CloudEvent;
import io.consulta.common.events.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** consulta.appointments: keeps the care-relationship projection and notifies both people of changes. */
@ApplicationScoped
@RequiredArgsConstructor
public class AppointmentsConsumer {

    private final Inbox inbox;
    private final CareRelationships relationships;
    private final Users users;
    private final Notifier notifier;

    @Incoming("appointments")
    @Blocking
    public void onAppointment(String payload) {
        inbox.receive(payload, event -> event.type().startsWith(AppointmentEvents.PREFIX)
                && event.text("doctorId") != null && event.text("patientId") != null, this::apply);
    }

    private void apply(CloudEvent event) {
        AppointmentFacts facts = new AppointmentFacts(event.textOrSubject("appointmentId"), event.text("doctorId"),
                event.text("patientId"), event.instant("start"), event.text("timeZone"), event.text("visitType"),
                event.text("cancelledBy"));
        CareRelationshipRule.apply(event, relationships);
        notifier.notify(event.id(), NotificationRules.forAppointment(event.type(), facts, users::nameOf),
                event.timeOrNow());
    }
}
