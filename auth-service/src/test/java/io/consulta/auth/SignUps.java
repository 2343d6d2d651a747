package io.consulta.auth;

import io.consulta.testing.TestTokens;
import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Sign-up requests as clients send them, and shortcuts to registered, approved accounts. */
public final class SignUps {

    public static final String PASSWORD = "Sunny-Day-2026";

    private SignUps() {
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    public static Map<String, Object> patient(String email) {
        Map<String, Object> body = new HashMap<>(Map.of("role", "patient", "email", email, "password", PASSWORD,
                "name", "Paula Patient", "phone", "+351 912 345 678", "dateOfBirth", "1990-04-12"));
        return body;
    }

    public static Map<String, Object> doctor(String email, String name, String specialty, List<String> languages) {
        return new HashMap<>(Map.of("role", "doctor", "email", email, "password", PASSWORD, "name", name,
                "specialty", specialty, "licenceNumber", "MED-" + UUID.randomUUID().toString().substring(0, 6),
                "bio", "Twenty years of practice.", "languages", languages, "clinicAddress", "Rua Nova 1, Porto",
                "consultationFee", 80.0));
    }

    public static String register(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/registrations")
                .then().statusCode(201).extract().path("id");
    }

    public static String approvedDoctor(String name, String specialty, List<String> languages) {
        String id = register(doctor(uniqueEmail("doc"), name, specialty, languages));
        given().auth().oauth2(TestTokens.admin("admin-1")).when().post("/api/v1/admin/doctors/" + id + "/approve")
                .then().statusCode(200);
        return id;
    }
}
