package io.consulta.localstack.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consulta.localstack.DemoUsers;
import io.consulta.localstack.DemoUsers.DemoUser;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;

/** What the demo clinic consists of: the profile each demo user gets and the doctors' hours. Data only. */
final class DemoPlan {

    static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Lisbon");
    static final String VISIT_TYPE = "IN_PERSON";
    static final String VISIT_REASON = "Cough for two weeks, worse at night";

    /** The fields PUT /api/v1/me replaces; anything the demo does not set is sent back as it was. */
    static final List<String> PROFILE_FIELDS = List.of("name", "phone", "photoMediaId", "dateOfBirth", "specialty",
            "bio", "languages", "clinicAddress", "consultationFee");
    /** The fields PUT .../availability replaces; date overrides a doctor added by hand are kept. */
    static final List<String> AVAILABILITY_FIELDS = List.of("timeZone", "weeklyHours", "dateOverrides", "slotMinutes",
            "bufferBeforeMinutes", "bufferAfterMinutes", "minimumNoticeMinutes", "horizonDays",
            "cancellationCutoffHours", "visitTypes");

    record Person(DemoUser user, ObjectNode profile) {
    }

    private DemoPlan() {
    }

    static final Person HOUSE = new Person(DemoUsers.DOCTOR_HOUSE, doctor(DemoUsers.DOCTOR_HOUSE,
            "Internal medicine / Diagnostics",
            "Internist and diagnostician: the puzzling cases other doctors send on. Blunt, thorough, usually right.",
            List.of("en"), "Rua Augusta 100, 1100-053 Lisboa", "120.00"));
    static final Person QUINN = new Person(DemoUsers.DOCTOR_QUINN, doctor(DemoUsers.DOCTOR_QUINN,
            "Family medicine",
            "Family doctor for all ages: check-ups, vaccinations, chronic conditions and the questions in between.",
            List.of("en", "pt"), "Avenida da Liberdade 200, 1250-147 Lisboa", "60.00"));
    static final Person ALICE = new Person(DemoUsers.PATIENT_ALICE,
            patient(DemoUsers.PATIENT_ALICE, "+351 912 345 678", "1990-04-12"));
    static final Person BOB = new Person(DemoUsers.PATIENT_BOB,
            patient(DemoUsers.PATIENT_BOB, "+351 913 456 789", "1978-11-03"));

    static final List<Person> DOCTORS = List.of(HOUSE, QUINN);
    static final List<Person> PATIENTS = List.of(ALICE, BOB);

    /**
     * Mon–Fri 09:00–12:30 and 14:00–18:00 on Lisbon time, a slot every 30 minutes: a 25-minute visit plus a 5-minute
     * buffer after it, so back-to-back slots never overlap. Book at least 2 h ahead and at most 60 days ahead.
     */
    static ObjectNode availability() {
        ObjectNode body = ApiClient.JSON.createObjectNode();
        body.put("timeZone", CLINIC_ZONE.getId());
        ObjectNode week = body.putObject("weeklyHours");
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            ArrayNode hours = week.putArray(day.name());
            hours.addObject().put("start", "09:00").put("end", "12:30");
            hours.addObject().put("start", "14:00").put("end", "18:00");
        }
        body.put("slotMinutes", 30);
        body.put("bufferBeforeMinutes", 0);
        body.put("bufferAfterMinutes", 5);
        body.put("minimumNoticeMinutes", 120);
        body.put("horizonDays", 60);
        body.put("cancellationCutoffHours", 24);
        ArrayNode types = body.putArray("visitTypes");
        types.addObject().put("type", "IN_PERSON").put("minutes", 25);
        types.addObject().put("type", "VIDEO").put("minutes", 25);
        return body;
    }

    private static ObjectNode doctor(DemoUser user, String specialty, String bio, List<String> languages,
                                     String clinicAddress, String fee) {
        ObjectNode profile = ApiClient.JSON.createObjectNode();
        profile.put("name", user.name());
        profile.put("specialty", specialty);
        profile.put("bio", bio);
        languages.forEach(profile.putArray("languages")::add);
        profile.put("clinicAddress", clinicAddress);
        profile.put("consultationFee", new BigDecimal(fee));
        return profile;
    }

    private static ObjectNode patient(DemoUser user, String phone, String dateOfBirth) {
        ObjectNode profile = ApiClient.JSON.createObjectNode();
        profile.put("name", user.name());
        profile.put("phone", phone);
        profile.put("dateOfBirth", dateOfBirth);
        return profile;
    }
}
