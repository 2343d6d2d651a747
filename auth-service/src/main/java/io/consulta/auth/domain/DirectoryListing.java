package io.consulta.auth.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * An approved doctor as the directory holds them: the public fields a search returns, plus the lower-cased keys it
 * matches and sorts on (the same values the profile store keeps in {@code nameLower} and {@code specialtyLower}).
 */
public record DirectoryListing(String id, String name, String nameLower, String specialty, String specialtyLower,
                               String bio, List<String> languages, String clinicAddress, BigDecimal consultationFee,
                               String photoMediaId) {

    public DirectoryListing {
        nameLower = nameLower == null ? "" : nameLower;
        languages = languages == null ? List.of() : List.copyOf(languages);
    }
}
