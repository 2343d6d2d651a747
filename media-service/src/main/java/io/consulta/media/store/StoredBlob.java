package io.consulta.media.store;

/** Bytes as stored: where, how many, and their SHA-256 (hex), computed while they were written. */
public record StoredBlob(String id, long size, String sha256) {
}
