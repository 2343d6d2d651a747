package io.consulta.notes.service;

/** The query parameters of a journal listing, as sent. */
public record JournalFilter(String tag, String q, String author, String limit, String cursor) {
}
