package io.consulta.chat.api;

import io.consulta.chat.ChatClient;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.consulta.chat.ChatFixtures.newId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames go straight to the Vert.x socket ({@link DirectFrameWriter}); this says when a Quarkus upgrade has sent
 * them back through websockets-next's slower {@code sendText} (the chat tests would still pass, only slower).
 */
@QuarkusTest
class DirectFrameWriterTest {

    @Inject
    SessionRegistry sessions;

    @Test
    void aConnectedSocketIsWrittenToDirectly() {
        String patientId = newId("pat");
        try (ChatClient connected = ChatClient.connect(RestAssured.port, TestTokens.patient(patientId))) {
            assertThat(DirectFrameWriter.available()).isTrue();
            assertThat(sessions.sessionsOf(patientId)).singleElement()
                    .satisfies(session -> assertThat(session.writesDirectly()).isTrue());
        }
    }
}
