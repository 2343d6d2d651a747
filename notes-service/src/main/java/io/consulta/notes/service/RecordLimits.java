package io.consulta.notes.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much one patient's record may hold: what users can make the service store and keep in memory. */
@ConfigMapping(prefix = "consulta.notes.limits")
public interface RecordLimits {

    /** Notes in one journal that are not deleted: years of a busy diary; a replica keeps a read journal in memory. */
    @WithDefault("20000")
    int notesPerJournal();

    /** Active prescriptions of one patient at a time. */
    @WithDefault("50")
    int activePrescriptions();
}
