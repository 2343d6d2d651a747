package io.consulta.notes.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The public prescription check: where it is reached (printed and in the QR code) and how often a client may ask. */
@ConfigMapping(prefix = "consulta.notes.check")
public interface CheckSettings {

    /** The check address without the code, as a pharmacist reaches it. */
    @WithDefault("http://localhost:8084/api/v1/prescription-checks/")
    String publicUrl();

    /** Checks per minute per client address, after the burst. */
    @WithDefault("30")
    int perMinute();

    @WithDefault("10")
    int burst();

    /** Client addresses remembered by the rate limit. */
    @WithDefault("100000")
    int maxClients();
}
