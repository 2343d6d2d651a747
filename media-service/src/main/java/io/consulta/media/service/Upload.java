package io.consulta.media.service;

import java.nio.file.Path;

/** An upload as received: the file already streamed to a temporary file, and the form fields as sent. */
public record Upload(Path file, long size, String purpose, String patientId) {
}
