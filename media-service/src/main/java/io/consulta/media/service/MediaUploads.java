package io.consulta.media.service;

import io.consulta.common.care.CareRelationships;
import io.consulta.common.contracts.MediaEvents;
import io.consulta.common.domain.ForbiddenException;
import io.consulta.common.domain.InvalidInputException;
import io.consulta.common.domain.UnavailableException;
import io.consulta.common.events.Outbox;
import io.consulta.common.identity.Caller;
import io.consulta.common.problem.FieldError;
import io.consulta.media.domain.AcceptedType;
import io.consulta.media.domain.CleanedImage;
import io.consulta.media.domain.ImageCleaner;
import io.consulta.media.domain.ImageLimits;
import io.consulta.media.domain.MarkupScan;
import io.consulta.media.domain.Purpose;
import io.consulta.media.domain.TooLargeException;
import io.consulta.media.domain.TypeSniffer;
import io.consulta.media.domain.UnsupportedContentException;
import io.consulta.media.store.BlobStore;
import io.consulta.media.store.MediaRecord;
import io.consulta.media.store.MediaStore;
import io.consulta.media.store.StoredBlob;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Accepting a file: who may upload for whom, the checks that refuse a file before anything is stored (size, type from
 * the bytes, markup, pixel count), re-encoding, and then one write of the media document with its media.uploaded
 * event. A refused upload leaves nothing stored; a failure after the bytes were stored removes them again.
 */
@ApplicationScoped
public class MediaUploads {

    private final MediaSettings settings;
    private final MediaStore store;
    private final BlobStore blobs;
    private final CareRelationships care;
    private final UploadRateLimit rateLimit;
    private final Outbox outbox;
    private final Clock clock;
    private final ImageCleaner cleaner;
    private final Semaphore imageSlots;

    public MediaUploads(MediaSettings settings, MediaStore store, BlobStore blobs, CareRelationships care,
                        UploadRateLimit rateLimit, Outbox outbox, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.blobs = blobs;
        this.care = care;
        this.rateLimit = rateLimit;
        this.outbox = outbox;
        this.clock = clock;
        this.cleaner = new ImageCleaner(new ImageLimits(settings.maxPixels(), settings.maxStoredSide(),
                settings.thumbnailSide(), settings.jpegQuality()));
        this.imageSlots = new Semaphore(settings.concurrentImages(), true);
    }

    public MediaRecord upload(Caller caller, Upload upload) {
        String uploaderId = caller.id();
        Purpose purpose = checkFields(upload);
        String patientId = patientFor(caller, upload.patientId());
        rateLimit.count(uploaderId);
        long limit = settings.maxUploadSize().asLongValue();
        if (upload.size() > limit) {
            throw new TooLargeException(limit);
        }
        AcceptedType type = TypeSniffer.detect(upload.file());
        String mediaId = UUID.randomUUID().toString();
        Stored stored = type.isImage() ? storeImage(mediaId, upload.file(), type) : storePdf(mediaId, upload.file());
        MediaRecord record = new MediaRecord(mediaId, patientId, uploaderId, purpose.wireName(), stored.contentType(),
                stored.blob().size(), stored.blob().sha256(), stored.width(), stored.height(), stored.blob().id(),
                stored.thumbnail(), clock.instant(), null, null);
        try {
            store.insert(record, outbox.event(MediaEvents.TOPIC, MediaEvents.UPLOADED, mediaId,
                    new MediaEvents.Uploaded(mediaId, patientId, uploaderId, purpose.wireName(), stored.contentType())));
        } catch (RuntimeException e) {
            blobs.delete(stored.blob().id());
            if (stored.thumbnail() != null) {
                blobs.delete(stored.thumbnail().blobId());
            }
            throw e;
        }
        outbox.flush(mediaId);
        return record;
    }

    private static Purpose checkFields(Upload upload) {
        List<FieldError> errors = new ArrayList<>();
        if (upload.file() == null) {
            errors.add(new FieldError("file", "is required: send the file as a multipart part named file"));
        }
        Purpose purpose = null;
        if (upload.purpose() == null || upload.purpose().isBlank()) {
            errors.add(new FieldError("purpose", "is required: " + Purpose.ACCEPTED));
        } else {
            purpose = Purpose.parse(upload.purpose().trim()).orElse(null);
            if (purpose == null) {
                errors.add(new FieldError("purpose", "must be " + Purpose.ACCEPTED));
            }
        }
        if (upload.patientId() != null && upload.patientId().length() > 100) {
            errors.add(new FieldError("patientId", "is not a user id"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return purpose;
    }

    /** A patient uploads for themself; a doctor for a patient in their care. */
    private String patientFor(Caller caller, String requested) {
        String patientId = requested == null || requested.isBlank() ? null : requested.trim();
        if (caller.isPatient()) {
            if (patientId != null && !patientId.equals(caller.id())) {
                throw new ForbiddenException("A patient uploads only for themself: leave patientId out or use your own id");
            }
            return caller.id();
        }
        if (caller.isDoctor()) {
            if (patientId == null) {
                throw new InvalidInputException("patientId", "is required: the patient this file is about");
            }
            if (!care.hasActiveAppointment(caller.id(), patientId)) {
                throw new ForbiddenException("You can upload only for patients you have an appointment with");
            }
            return patientId;
        }
        throw new ForbiddenException("Only patients and their doctors upload media");
    }

    private Stored storeImage(String mediaId, Path source, AcceptedType type) {
        if (MarkupScan.containsMarkup(source)) {
            throw new UnsupportedContentException("This file contains web page markup besides the image data; upload "
                    + "a plain photo (" + AcceptedType.ACCEPTED + ")");
        }
        cleaner.checkPixels(source, type);
        Path cleaned = null;
        try {
            cleaned = Files.createTempFile("consulta-media-", ".clean");
            Path target = cleaned;
            ByteArrayOutputStream thumbnail = new ByteArrayOutputStream(32 * 1024);
            CleanedImage image = decodingSlot(() -> cleaner.clean(source, type, target, thumbnail));
            StoredBlob blob;
            try (InputStream in = Files.newInputStream(cleaned)) {
                blob = blobs.put(mediaId + extension(image.contentType()), mediaId, image.contentType(), in);
            }
            StoredBlob thumb;
            try {
                thumb = blobs.put(mediaId + "-thumbnail" + extension(image.thumbnailContentType()), mediaId,
                        image.thumbnailContentType(), new ByteArrayInputStream(thumbnail.toByteArray()));
            } catch (RuntimeException e) {
                blobs.delete(blob.id());
                throw e;
            }
            return new Stored(blob, image.contentType(), image.width(), image.height(),
                    new MediaRecord.Rendition(thumb.id(), image.thumbnailContentType(), thumb.size(), thumb.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(cleaned);
        }
    }

    private Stored storePdf(String mediaId, Path source) {
        try (InputStream in = Files.newInputStream(source)) {
            StoredBlob blob = blobs.put(mediaId + ".pdf", mediaId, AcceptedType.PDF.mediaType(), in);
            return new Stored(blob, AcceptedType.PDF.mediaType(), null, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T decodingSlot(Supplier<T> work) {
        try {
            if (!imageSlots.tryAcquire(settings.imageSlotWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new UnavailableException("Too many images are being processed; retry in a few seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("The upload was interrupted; retry");
        }
        try {
            return work.get();
        } finally {
            imageSlots.release();
        }
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "image/png" -> ".png";
            case "application/pdf" -> ".pdf";
            default -> ".jpg";
        };
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is removed with the temp folder
            }
        }
    }

    private record Stored(StoredBlob blob, String contentType, Integer width, Integer height,
                          MediaRecord.Rendition thumbnail) {
    }
}
