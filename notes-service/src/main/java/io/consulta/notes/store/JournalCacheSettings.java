package io.consulta.notes.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How much of the journals a replica keeps in memory, and how soon it sees other replicas' writes. */
@ConfigMapping(prefix = "consulta.notes.journal-cache")
public interface JournalCacheSettings {

    /** A cached journal re-reads the notes changed since its last look at most this often (other replicas' writes). */
    @WithDefault("2s")
    Duration refreshEvery();

    /** ...and reads the whole journal again this often, whatever a refresh might have missed. */
    @WithDefault("10m")
    Duration reloadEvery();

    @WithDefault("1000")
    int maxJournals();

    /** Characters of note text (title, body and their search form) kept over all cached journals. */
    @WithDefault("16000000")
    long maxChars();
}
