package io.consulta.notes.store;

import org.bson.Document;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A user as consulta.identity describes them: what a prescription needs to name its doctor and patient. */
public record Person(String id, String role, String name, LocalDate dateOfBirth, String licenceNumber) {

    public static Person unknown(String id) {
        return new Person(id, null, null, null, null);
    }

    Document toDocument() {
        return new Document("name", name).append("dateOfBirth", dateOfBirth == null ? null : dateOfBirth.toString())
                .append("licenceNumber", licenceNumber);
    }

    static Person from(Document d, String id) {
        if (d == null) {
            return unknown(id);
        }
        return new Person(id, d.getString("role"), d.getString("name"), date(d.getString("dateOfBirth")),
                d.getString("licenceNumber"));
    }

    static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
