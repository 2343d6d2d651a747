package io.consulta.media.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.consulta.media.MediaApi;
import io.consulta.testing.EventContracts;
import io.consulta.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.consulta.media.MediaApi.as;
import static io.consulta.media.MediaApi.newId;
import static org.assertj.core.api.Assertions.assertThat;

/** What media-service tells the others on consulta.media: ids and metadata, never bytes. */
@QuarkusTest
class MediaEventsTest {

    @Test
    void anUploadAndADeletionArePublished() {
        String alice = newId("alice");
        String id = MediaApi.uploadPhoto(alice);

        JsonNode uploaded = EventContracts.awaitValidEvent("consulta.media", "media.uploaded", id, Duration.ofSeconds(30));
        JsonNode data = uploaded.path("data");
        assertThat(data.path("mediaId").asText()).isEqualTo(id);
        assertThat(data.path("patientId").asText()).isEqualTo(alice);
        assertThat(data.path("uploadedBy").asText()).isEqualTo(alice);
        assertThat(data.path("purpose").asText()).isEqualTo("symptom-photo");
        assertThat(data.path("contentType").asText()).isEqualTo("image/jpeg");

        as(TestTokens.patient(alice)).delete("/api/v1/media/" + id).then().statusCode(204);
        JsonNode deleted = EventContracts.awaitValidEvent("consulta.media", "media.deleted", id, Duration.ofSeconds(30));
        assertThat(deleted.path("data").path("mediaId").asText()).isEqualTo(id);
        assertThat(deleted.path("data").path("patientId").asText()).isEqualTo(alice);
        assertThat(deleted.path("data").path("deletedBy").asText()).isEqualTo(alice);
    }
}
