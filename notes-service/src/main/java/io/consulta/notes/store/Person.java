package io.consulta.notes.store;

import org.bson.Document;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/** A user as consulta.identity describes them: what a prescription needs to name its doctor and patient. */
public record Person(String id, String role, String name, LocalDate dateOfBirth, String licenceNumber) {

    public static Person unknown(String id) {
        return new Person(id, null, null, null, null);
    }

    /** This person with every field that is missing taken from {@code fresher} (read only when something is missing). */
    public Person orElse(Supplier<Person> fresher) {
        if (name != null && (dateOfBirth != null || licenceNumber != null)) {
            return this;
        }
        Person now = fresher.get();
        return new Person(id, role != null ? role : now.role(), name != null ? name : now.name(),
                dateOfBirth != null ? dateOfBirth : now.dateOfBirth(),
                licenceNumber != null ? licenceNumber : now.licenceNumber());
    }

    Document toDocument() {
        return new Document("role", role).append("name", name).append("dateOfBirth", dateOfBirth == null ? null : dateOfBirth.toString())
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
