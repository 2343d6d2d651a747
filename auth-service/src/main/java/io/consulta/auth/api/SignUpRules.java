package io.consulta.auth.api;

import io.consulta.auth.domain.PasswordPolicy;
import io.consulta.common.problem.ApiException;
import io.consulta.common.problem.FieldError;

import java.util.ArrayList;
import java.util.List;

/** The checks Bean Validation cannot express: the password policy and the fields each role must give. */
final class SignUpRules {

    private SignUpRules() {
    }

    static void check(RegistrationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        PasswordPolicy.violations(request.password(), request.email())
                .forEach(message -> errors.add(new FieldError("password", message)));
        if ("patient".equals(request.role()) && request.dateOfBirth() == null) {
            errors.add(new FieldError("dateOfBirth", "is required for patients"));
        }
        if ("doctor".equals(request.role())) {
            requireText(errors, "specialty", request.specialty());
            requireText(errors, "licenceNumber", request.licenceNumber());
            requireText(errors, "clinicAddress", request.clinicAddress());
            if (request.languages() == null || request.languages().isEmpty()) {
                errors.add(new FieldError("languages", "at least one language is required for doctors"));
            }
            if (request.consultationFee() == null) {
                errors.add(new FieldError("consultationFee", "is required for doctors"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static void requireText(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required for doctors"));
        }
    }
}
