package io.consulta.appointment.api;

import io.consulta.appointment.store.Appointment;
import io.consulta.appointment.store.AppointmentRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.consulta.appointment.api.Clinic.at;
import static io.consulta.appointment.api.Clinic.doctorWithHours;
import static io.consulta.appointment.api.Clinic.newId;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ConcurrentBookingTest {

    @Inject
    AppointmentRepository appointments;

    @Test
    void fifty_patients_racing_for_one_slot_make_exactly_one_booking() throws Exception {
        String doctorId = doctorWithHours();
        Instant nine = at(4, "09:00");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> outcomes = new ArrayList<>();
        try (ExecutorService patients = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                String patientId = newId("pat");
                outcomes.add(patients.submit(() -> {
                    go.await();
                    return Clinic.book(patientId, doctorId, nine).extract().statusCode();
                }));
            }
            go.countDown();
            Map<Integer, Long> byStatus = new java.util.TreeMap<>();
            for (Future<Integer> outcome : outcomes) {
                byStatus.merge(outcome.get(), 1L, Long::sum);
            }

            assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 49L));
        }
        List<Appointment> stored = appointments.list("doctorId = ?1 and kind = ?2", doctorId, Appointment.VISIT);
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst().start).isEqualTo(nine);
        assertThat(stored.stream().collect(Collectors.toMap(a -> a.id, Function.identity()))).hasSize(1);
    }
}
