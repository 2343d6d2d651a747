package io.consulta.chat.domain;

/** A frame the server refuses; the connection stays open and gets an error frame with this code and message. */
public class FrameRejected extends RuntimeException {

    private final String code;

    public FrameRejected(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static FrameRejected invalid(String message) {
        return new FrameRejected(ErrorCodes.INVALID, message);
    }

    /** Also used for conversations the caller is not part of: their existence is not disclosed. */
    public static FrameRejected notFound(String conversationId) {
        return new FrameRejected(ErrorCodes.NOT_FOUND, "Conversation " + conversationId + " does not exist");
    }
}
