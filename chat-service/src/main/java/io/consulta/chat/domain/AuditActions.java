package io.consulta.chat.domain;

/** What the audit log records of chat history, which is clinical data: who read which conversation, when, how much. */
public final class AuditActions {

    public static final String READ_HISTORY = "read chat history";
    public static final String RESUME = "resumed chat history";

    private AuditActions() {
    }
}
