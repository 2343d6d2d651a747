package io.consulta.auth.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The realm's password policy, checked before Keycloak so the user learns every rule they missed at once. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;

    private PasswordPolicy() {
    }

    /** What is wrong with the password; empty when it is acceptable. */
    public static List<String> violations(String password, String email) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("is required");
            return problems;
        }
        if (password.length() < MIN_LENGTH) {
            problems.add("must have at least " + MIN_LENGTH + " characters");
        }
        if (password.chars().noneMatch(Character::isUpperCase)) {
            problems.add("must contain an upper-case letter");
        }
        if (password.chars().noneMatch(Character::isLowerCase)) {
            problems.add("must contain a lower-case letter");
        }
        if (password.chars().noneMatch(Character::isDigit)) {
            problems.add("must contain a digit");
        }
        if (email != null && password.toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT))) {
            problems.add("must not be your e-mail address");
        }
        return problems;
    }
}
