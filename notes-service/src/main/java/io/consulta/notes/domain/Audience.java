package io.consulta.notes.domain;

/**
 * Who may read one note, as stored with it: {@link #SHARED} (the patient and every doctor in a care relationship with
 * them) or the id of the one person who may. A reply is visible to whoever sees the note it answers, so it takes the
 * audience of that note, narrowed to its author when the reply itself is private.
 */
public final class Audience {

    public static final String SHARED = "shared";

    private Audience() {
    }

    /** The audience of a new note; {@code answeredAudience} is null for a note that answers nothing. */
    public static String of(Visibility visibility, String authorId, String answeredAudience) {
        if (visibility == Visibility.PRIVATE) {
            return authorId;
        }
        return answeredAudience == null ? SHARED : answeredAudience;
    }

    /** Whether a reader of the patient's journal (patient or care doctor) sees a note with this audience. */
    public static boolean includes(String audience, String readerId) {
        return SHARED.equals(audience) || audience.equals(readerId);
    }
}
