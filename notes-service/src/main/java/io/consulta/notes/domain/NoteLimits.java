package io.consulta.notes.domain;

/** How much one note may hold: what a user can make the service store. */
public final class NoteLimits {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_TAGS = 10;
    public static final int MAX_TAG_LENGTH = 40;
    public static final int MAX_MEDIA = 10;
    public static final int MAX_ID_LENGTH = 64;
    /** Revisions kept per note: an edit beyond this is refused rather than growing history without bound. */
    public static final int MAX_REVISIONS = 500;
    public static final int MAX_QUERY_LENGTH = 100;
    public static final int MAX_QUERY_WORDS = 5;

    private NoteLimits() {
    }
}
