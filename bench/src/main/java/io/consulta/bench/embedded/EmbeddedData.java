package io.consulta.bench.embedded;

import java.util.Locale;
import java.util.UUID;

/**
 * Who is who in the seeded store: {@code patients} patients, each with one conversation (patient i with doctor i mod
 * {@code doctors}) and their share of the visits and notifications; ids are derived from numbers, so the measuring run
 * finds them without reading the store.
 */
record EmbeddedData(int conversations, int messages, int appointments, int notifications, int doctors) {

    int patients() {
        return conversations;
    }

    int messagesPerConversation() {
        return messages / conversations;
    }

    /**
     * The cached store's name: the counts, and a version to raise whenever the seed's shape or the store's format changes
     * (v2: documents in BSON; a v1 store would be rewritten on every run's copy).
     */
    String storeName() {
        return String.format(Locale.ROOT, "seed-v2-%dc-%dm-%da-%dn-%dd.mv", conversations, messages, appointments,
                notifications, doctors);
    }

    static String patient(int i) {
        return String.format(Locale.ROOT, "bench-patient-%05d", i);
    }

    static String doctor(int i) {
        return String.format(Locale.ROOT, "bench-doctor-%04d", i);
    }

    String doctorOfConversation(int c) {
        return doctor(c % doctors);
    }

    static String conversationId(int c) {
        return UUID.nameUUIDFromBytes(("bench-conversation-" + c).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
