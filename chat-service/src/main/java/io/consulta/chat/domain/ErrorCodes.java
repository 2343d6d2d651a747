package io.consulta.chat.domain;

/** Codes of error frames; clients switch on them, so they never change meaning. */
public final class ErrorCodes {

    /** Not JSON, or not a JSON object with a string {@code type}. */
    public static final String BAD_FRAME = "bad-frame";
    /** A {@code type} the server does not know. */
    public static final String UNKNOWN_TYPE = "unknown-type";
    /** A field is missing or malformed. */
    public static final String INVALID = "invalid";
    /** Message text longer than the limit. */
    public static final String TOO_LONG = "too-long";
    /** More frames per second than a connection may send; the frame was dropped. */
    public static final String RATE_LIMITED = "rate-limited";
    /** No such conversation, or the caller is not part of it. */
    public static final String NOT_FOUND = "not-found";
    /** A token refresh was refused. */
    public static final String UNAUTHORIZED = "unauthorized";
    /** The server failed; the client may retry (sends are idempotent). */
    public static final String INTERNAL = "internal";

    private ErrorCodes() {
    }
}
