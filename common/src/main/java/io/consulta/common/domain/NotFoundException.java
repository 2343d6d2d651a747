package io.consulta.common.domain;

/** Also the answer for what the caller may not see: its existence is not disclosed. */
public class NotFoundException extends DomainException {

    /** An id longer than this is cut in the answer: errors never echo unbounded input. */
    static final int MAX_ID_SHOWN = 64;

    public NotFoundException(String what, String id) {
        super(what + " " + shown(id) + " does not exist");
    }

    private static String shown(String id) {
        return id != null && id.length() > MAX_ID_SHOWN ? id.substring(0, MAX_ID_SHOWN) + "…" : id;
    }
}
