package io.consulta.common.contracts;

/** The Kafka topics of Consulta: one per producing service, named {@code consulta.<service>}. */
public final class Topics {

    public static final String IDENTITY = "consulta.identity";
    public static final String APPOINTMENTS = "consulta.appointments";
    public static final String CHAT = "consulta.chat";
    public static final String NOTES = "consulta.notes";
    public static final String MEDIA = "consulta.media";

    private Topics() {
    }
}
