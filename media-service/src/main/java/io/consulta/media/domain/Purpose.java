package io.consulta.media.domain;

import io.consulta.common.domain.WireNames;

import java.util.Optional;

/** Why a file was uploaded; decides nothing about access, but lets lists and consumers tell uploads apart. */
public enum Purpose {
    SYMPTOM_PHOTO,
    CHAT_ATTACHMENT,
    NOTE_ATTACHMENT,
    PROFILE_PHOTO;

    public static final String ACCEPTED = "symptom-photo, chat-attachment, note-attachment or profile-photo";

    public String wireName() {
        return WireNames.of(this);
    }

    public static Optional<Purpose> parse(String raw) {
        return WireNames.parse(Purpose.class, raw);
    }
}
