package io.consulta.media;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.consulta.testing.EventBus;
import io.consulta.testing.TestTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** The media API as tests use it: uploads as multipart, appointments as events, and what GridFS holds. */
public final class MediaApi {

    private MediaApi() {
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    /** Uploads bytes as a file part with the given name and declared type, which the service ignores. */
    public static Response upload(String token, byte[] bytes, String fileName, String declaredType, String purpose,
                                  String patientId) {
        RequestSpecification request = as(token).multiPart("file", fileName, bytes, declaredType);
        if (purpose != null) {
            request.multiPart("purpose", purpose);
        }
        if (patientId != null) {
            request.multiPart("patientId", patientId);
        }
        return request.when().post("/api/v1/media");
    }

    public static String uploadPhoto(String patientId) {
        Response response = upload(TestTokens.patient(patientId), Pictures.phonePhotoWithGps(), "rash.jpg",
                "image/jpeg", "symptom-photo", null);
        response.then().statusCode(201);
        return response.path("id");
    }

    /** Publishes appointment.booked as appointment-service would; returns the appointment id. */
    public static String book(String patientId, String doctorId) {
        String appointmentId = newId("appt");
        EventBus.publish("consulta.appointments", "appointment.booked", appointmentId, appointment(appointmentId,
                patientId, doctorId, "booked"));
        return appointmentId;
    }

    public static void cancel(String appointmentId, String patientId, String doctorId) {
        EventBus.publish("consulta.appointments", "appointment.cancelled", appointmentId, appointment(appointmentId,
                patientId, doctorId, "cancelled"));
    }

    /** Waits until the care-relationship projection says {@code doctorId} cares for {@code patientId} (or not). */
    public static void awaitCare(String doctorId, String patientId, boolean cares) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                database().getCollection("care_relationships").find(new org.bson.Document("_id", doctorId + "|" + patientId)
                        .append("appointments.0", new org.bson.Document("$exists", true))).first() != null == cares);
    }

    private static Map<String, Object> appointment(String id, String patientId, String doctorId, String status) {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return Map.of("appointmentId", id, "doctorId", doctorId, "patientId", patientId, "start", start.toString(),
                "end", start.plus(30, ChronoUnit.MINUTES).toString(), "status", status, "visitType", "VIDEO",
                "timeZone", "Europe/Lisbon");
    }

    private static MongoClient client;

    public static synchronized MongoDatabase database() {
        if (client == null) {
            client = MongoClients.create(ConfigProvider.getConfig()
                    .getValue("quarkus.mongodb.connection-string", String.class));
        }
        return client.getDatabase("consulta_media");
    }

    /** Files and chunks in GridFS, and media documents: what a refused upload must not change. */
    public record Stored(long files, long chunks, long documents) {
    }

    public static Stored stored() {
        MongoDatabase db = database();
        return new Stored(db.getCollection("media.files").countDocuments(),
                db.getCollection("media.chunks").countDocuments(), db.getCollection("media").countDocuments());
    }
}
