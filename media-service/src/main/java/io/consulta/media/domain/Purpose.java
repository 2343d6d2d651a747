package io.consulta.media.domain;

import java.util.Arrays;
import java.util.Optional;

/** Why a file was uploaded; decides nothing about access, but lets lists and consumers tell uploads apart. */
public enum Purpose {
    SYMPTOM_PHOTO("symptom-photo"),
    CHAT_ATTACHMENT("chat-attachment"),
    NOTE_ATTACHMENT("note-attachment"),
    PROFILE_PHOTO("profile-photo");

    public static final String ACCEPTED = "symptom-photo, chat-attachment, note-attachment or profile-photo";

    private final String wireName;

    Purpose(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Purpose> parse(String raw) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(raw)).findFirst();
    }
}
