package io.consulta.media.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

/**
 * HMAC-SHA256 over what a signed link grants: which media (and which rendition), to whom, until when. A link is only
 * as good as its signature: change any of the three and it no longer verifies.
 */
public final class LinkSignature {

    public static final int MIN_KEY_BYTES = 32;

    private final byte[] key;

    public LinkSignature(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("The link signing key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    public String sign(String mediaId, String rendition, String callerId, Instant expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String message = mediaId + "\n" + rendition + "\n" + callerId + "\n" + expires.getEpochSecond();
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Constant-time comparison, so the time an answer takes tells nothing about how much of a forgery was right. */
    public boolean verifies(String mediaId, String rendition, String callerId, Instant expires, String signature) {
        if (signature == null || signature.length() > 100) {
            return false;
        }
        byte[] expected = sign(mediaId, rendition, callerId, expires).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
