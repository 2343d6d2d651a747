package io.consulta.auth.api;

import io.consulta.auth.domain.DirectoryListing;
import io.consulta.auth.store.Profile;

import java.math.BigDecimal;
import java.util.List;

/** The public face of an approved doctor in the directory. */
public record DoctorCard(String id, String name, String specialty, String bio, List<String> languages,
                         String clinicAddress, BigDecimal consultationFee, String photoMediaId) {

    public static DoctorCard of(Profile p) {
        return new DoctorCard(p.id, p.name, p.specialty, p.bio, p.languages, p.clinicAddress, p.consultationFee,
                p.photoMediaId);
    }

    public static DoctorCard of(DirectoryListing l) {
        return new DoctorCard(l.id(), l.name(), l.specialty(), l.bio(), l.languages(), l.clinicAddress(),
                l.consultationFee(), l.photoMediaId());
    }
}
