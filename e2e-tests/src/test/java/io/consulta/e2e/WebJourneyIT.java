package io.consulta.e2e;

import io.consulta.e2e.support.Realm;
import io.consulta.e2e.support.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app in a real browser against the real stack: Debian's chromium driven by playwright-core (web/e2e/
 * journey.mjs). Sign-up, approval, booking, live chat both ways, a symptom photo in the chat, the doctor's shared note
 * and prescription read from the notification bell, the prescription PDF downloaded, the visit run to fulfilled, a
 * journal entry with a photo uploaded in its form; axe-core on every page; no page scrolls sideways at 390 or 360 px;
 * screenshots at 1280, 390 and 360 px in web/target/screenshots; first-page performance in
 * web/target/browser-journey.json.
 */
@ExtendWith(StackExtension.class)
class WebJourneyIT {

    private static final String PASSWORD = "Journey-Admin-2026";

    @Test
    void aPatientBooksAndChatsWithANewlyApprovedDoctorInTheBrowser() throws Exception {
        Path root = Path.of(System.getProperty("consulta.root", "..")).toAbsolutePath().normalize();
        Path web = root.resolve("web");
        String admin = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@journey.test";
        Realm.createUser(admin, PASSWORD, "Ada Admin", "admin");

        Path report = web.resolve("target/browser-journey.json");
        Files.deleteIfExists(report);
        ProcessBuilder node = new ProcessBuilder("node", "e2e/journey.mjs").directory(web.toFile()).inheritIO();
        node.environment().put("WEB_URL", "http://localhost:8080");
        node.environment().put("ADMIN_USER", admin);
        node.environment().put("ADMIN_PASSWORD", PASSWORD);
        node.environment().put("SCREENSHOT_DIR", web.resolve("target/screenshots").toString());
        node.environment().put("REPORT_FILE", report.toString());
        Process process = node.start();
        boolean finished = process.waitFor(8, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }

        assertThat(finished).as("the browser journey ends within 8 minutes").isTrue();
        assertThat(Files.readString(report)).as("journey report").doesNotContain("\"error\"");
        assertThat(process.exitValue()).as("browser journey exit code (see its output above)").isZero();
        assertThat(new File(web.resolve("target/screenshots").toString()).list())
                .contains("landing-1280.png", "landing-390.png", "chat-1280.png", "doctor-chat-1280.png",
                        "doctor-prescriptions-390.png", "notifications-1280.png", "journal-390.png",
                        "doctor-schedule-390.png");
        assertThat(Files.readString(report)).as("the prescription PDF was downloaded")
                .containsPattern("\"prescriptionPdfBytes\": [1-9][0-9]{3,}");
    }
}
