package io.consulta.bench.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** One multipart/form-data upload body (file, purpose), built once and sent by every client. */
record Multipart(String contentType, byte[] bytes) {

    private static final String BOUNDARY = "consulta-bench-boundary-7d1f";

    static Multipart of(byte[] photo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(photo.length + 512);
        write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nsymptom-photo\r\n");
        write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"IMG_1234.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n");
        out.writeBytes(photo);
        write(out, "\r\n--" + BOUNDARY + "--\r\n");
        return new Multipart("multipart/form-data; boundary=" + BOUNDARY, out.toByteArray());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
