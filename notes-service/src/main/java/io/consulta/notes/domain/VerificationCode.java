package io.consulta.notes.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The code a pharmacist types or scans to check a prescription: 20 characters of Crockford base32 from a secure
 * random source, 100 bits, so codes cannot be guessed or enumerated. Shown in groups of four; read back ignoring case,
 * spaces and dashes, and the letters Crockford maps (O→0, I/L→1).
 */
public record VerificationCode(String value) {

    public static final int LENGTH = 20;
    public static final int BITS = LENGTH * 5;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static VerificationCode random() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new VerificationCode(code.toString());
    }

    /** The code in what someone typed, or empty when it cannot be one (then no lookup is needed). */
    public static Optional<VerificationCode> parse(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String clean = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT)
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (clean.length() != LENGTH || !clean.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new VerificationCode(clean));
    }

    /** XXXX-XXXX-XXXX-XXXX-XXXX, as printed. */
    public String display() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i += 4) {
            if (i > 0) {
                out.append('-');
            }
            out.append(value, i, Math.min(value.length(), i + 4));
        }
        return out.toString();
    }
}
