package io.consulta.common.store;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogTest {

    @RegisterExtension
    final InMemoryMongo mongo = new InMemoryMongo();

    @Test
    void anEntrySaysWhoDidWhatToWhomWhenAndHowMuch() {
        Instant now = Instant.parse("2026-11-29T10:15:30Z");
        var entries = mongo.collection("audit_log");
        AuditLog audit = new AuditLog(entries, Clock.fixed(now, ZoneOffset.UTC));
        audit.createIndexes();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", null);
        details.put("messages", 3);

        audit.record("doctor-1", "read chat history", "conversation-9", details);
        audit.record("doctor-1", "read patient profile", "patient-2", Map.of());

        Document first = entries.find(new Document("subject", "conversation-9")).first();
        assertThat(first).containsEntry("who", "doctor-1").containsEntry("action", "read chat history")
                .containsEntry("at", Date.from(now));
        assertThat(first.get("details", Document.class)).containsEntry("messages", 3).containsKey("before");
        assertThat(entries.find(new Document("subject", "patient-2")).first()).doesNotContainKey("details");
    }

    @Test
    void anEntryRecordedWithoutBlockingIsStoredWhenItsFutureCompletes() throws Exception {
        Instant now = Instant.parse("2026-11-29T10:15:30Z");
        var entries = mongo.collection("audit_log");
        try (AuditLog audit = new AuditLog(entries, Clock.fixed(now, ZoneOffset.UTC))) {
            audit.recordAsync("patient-4", "read chat history", "conversation-7", Map.of("messages", 2))
                    .get(5, TimeUnit.SECONDS);

            Document stored = entries.find(new Document("subject", "conversation-7")).first();
            assertThat(stored).containsEntry("who", "patient-4").containsEntry("at", Date.from(now));
            assertThat(stored.get("details", Document.class)).isEqualTo(new Document("messages", 2));
        }
    }
}
