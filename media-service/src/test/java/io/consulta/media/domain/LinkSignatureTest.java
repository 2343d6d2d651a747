package io.consulta.media.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkSignatureTest {

    private final LinkSignature links = new LinkSignature("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private final Instant expires = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aSignatureVerifiesOnlyForWhatItWasMadeFor() {
        String signature = links.sign("m1", "original", "alice", expires);

        assertThat(links.verifies("m1", "original", "alice", expires, signature)).isTrue();
        assertThat(links.verifies("m2", "original", "alice", expires, signature)).isFalse();
        assertThat(links.verifies("m1", "thumbnail", "alice", expires, signature)).isFalse();
        assertThat(links.verifies("m1", "original", "mallory", expires, signature)).isFalse();
        assertThat(links.verifies("m1", "original", "alice", expires.plusSeconds(3600), signature)).isFalse();
        assertThat(links.verifies("m1", "original", "alice", expires, signature.substring(1) + "A")).isFalse();
        assertThat(links.verifies("m1", "original", "alice", expires, null)).isFalse();
    }

    @Test
    void anotherKeyMakesAnotherSignature() {
        LinkSignature other = new LinkSignature("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        assertThat(other.verifies("m1", "original", "alice", expires, links.sign("m1", "original", "alice", expires)))
                .isFalse();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new LinkSignature(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
