package io.consulta.auth.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakRefusalTest {

    @Test
    void aNameRefusedByTheUserProfileIsTheNamesFault() {
        assertThat(KeycloakRefusal.of("""
                {"field":"firstName","errorMessage":"error-person-name-invalid-character","params":["firstName","Anna (Annie)"]}"""))
                .isEqualTo(new KeycloakRefusal.Refused("name",
                        "was refused by the identity provider (error-person-name-invalid-character)"));
        assertThat(KeycloakRefusal.of("""
                {"errors":[{"field":"lastName","errorMessage":"error-invalid-length"}]}""").field()).isEqualTo("name");
    }

    @Test
    void anEmailRefusedByTheUserProfileIsTheEmailsFault() {
        assertThat(KeycloakRefusal.of("""
                {"field":"email","errorMessage":"invalidEmailMessage"}""").field()).isEqualTo("email");
    }

    @Test
    void aPasswordPolicyRefusalIsThePasswordsFault() {
        assertThat(KeycloakRefusal.of("""
                {"error":"invalidPasswordMinLengthMessage","error_description":"Invalid password: minimum length 10."}"""))
                .isEqualTo(new KeycloakRefusal.Refused("password",
                        "was refused by the identity provider's password policy"));
    }

    @Test
    void anythingElseBlamesNoField() {
        assertThat(KeycloakRefusal.of("""
                {"errorMessage":"something-new"}""")).isEqualTo(new KeycloakRefusal.Refused(null,
                "The identity provider refused the sign-up (something-new)"));
        assertThat(KeycloakRefusal.of("<html>oops</html>").field()).isNull();
        assertThat(KeycloakRefusal.of("").field()).isNull();
    }
}
