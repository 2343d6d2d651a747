package io.consulta.media.service;

import io.consulta.common.care.CareRelationships;
import io.consulta.common.domain.ForbiddenException;
import io.consulta.common.domain.InvalidInputException;
import io.consulta.common.domain.NotFoundException;
import io.consulta.common.identity.Caller;
import io.consulta.common.paging.Cursor;
import io.consulta.common.paging.Page;
import io.consulta.common.store.AuditLog;
import io.consulta.media.domain.LinkSignature;
import io.consulta.media.domain.MediaAccess;
import io.consulta.media.domain.Purpose;
import io.consulta.media.store.MediaRecord;
import io.consulta.media.store.MediaStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading media: what the caller may see (uploader, the patient concerned, doctors caring for them; everyone else is
 * told it does not exist), the audit entry for every read of content or thumbnail, lists, and signed links for
 * {@code <img src>}, which carry no token.
 */
@ApplicationScoped
public class MediaReads {

    public static final String READ = "read media";
    public static final String READ_THUMBNAIL = "read media thumbnail";

    private final MediaStore store;
    private final CareRelationships care;
    private final AuditLog audit;
    private final LinkSignature signature;
    private final MediaSettings settings;
    private final Clock clock;

    public MediaReads(MediaStore store, CareRelationships care, AuditLog audit, MediaSettings settings, Clock clock) {
        this.store = store;
        this.care = care;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.signature = new LinkSignature(Base64.getDecoder().decode(settings.links().key()));
    }

    /** The item if the caller may see it, else 404 as if it did not exist. */
    public MediaRecord visible(String viewerId, String mediaId) {
        MediaRecord record = store.find(mediaId).orElseThrow(() -> new NotFoundException("Media", mediaId));
        // the projection is asked only when the viewer is neither uploader nor patient
        boolean involved = viewerId.equals(record.uploadedBy()) || viewerId.equals(record.patientId());
        boolean caresFor = !involved && care.hasActiveAppointment(viewerId, record.patientId());
        if (!MediaAccess.canSee(viewerId, record.uploadedBy(), record.patientId(), caresFor)) {
            throw new NotFoundException("Media", mediaId);
        }
        return record;
    }

    /** Opens content for a caller with a token; the read is audited. */
    public Content open(String viewerId, String mediaId, Rendition rendition, String range) {
        return read(viewerId, visible(viewerId, mediaId), rendition, "token", range);
    }

    public SignedLink link(String viewerId, String mediaId, Rendition rendition) {
        MediaRecord record = visible(viewerId, mediaId);
        if (rendition == Rendition.THUMBNAIL && record.thumbnail() == null) {
            throw new NotFoundException("Thumbnail of media", mediaId);
        }
        Instant expires = clock.instant().plus(settings.links().validFor()).truncatedTo(ChronoUnit.SECONDS);
        return new SignedLink(mediaId, rendition, viewerId, expires,
                signature.sign(mediaId, rendition.wireName(), viewerId, expires));
    }

    /**
     * Opens content through a signed link: the signature first (nothing is looked up for a forged link), then the
     * expiry, then access as it is now (a doctor whose appointments were cancelled cannot use an older link).
     */
    public Content openLinked(SignedLink link, String range) {
        if (!signature.verifies(link.mediaId(), link.rendition().wireName(), link.callerId(), link.expiresAt(),
                link.signature())) {
            throw new ForbiddenException("This link is not valid");
        }
        if (!clock.instant().isBefore(link.expiresAt())) {
            throw new ForbiddenException("This link has expired; ask for a new one");
        }
        return read(link.callerId(), visible(link.callerId(), link.mediaId()), link.rendition(), "signed link", range);
    }

    private Content read(String viewerId, MediaRecord record, Rendition rendition, String via, String range) {
        Content content = content(record, rendition);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("patientId", record.patientId());
        details.put("via", via);
        if (range != null) {
            details.put("range", range.length() > 100 ? range.substring(0, 100) : range);
        }
        audit.record(viewerId, rendition == Rendition.THUMBNAIL ? READ_THUMBNAIL : READ, record.id(), details);
        return content;
    }

    private static Content content(MediaRecord record, Rendition rendition) {
        if (rendition == Rendition.THUMBNAIL) {
            MediaRecord.Rendition thumbnail = record.thumbnail();
            if (thumbnail == null) {
                throw new NotFoundException("Thumbnail of media", record.id());
            }
            return new Content(record.id(), rendition, thumbnail.blobId(), thumbnail.contentType(), thumbnail.size(),
                    thumbnail.sha256(), true);
        }
        return new Content(record.id(), rendition, record.blobId(), record.contentType(), record.size(),
                record.sha256(), record.contentType().startsWith("image/"));
    }

    /**
     * The items of one patient the caller may open: all of them for the patient and their doctors, only their own
     * uploads for anyone else (usually none). A doctor names the patient; a patient's list defaults to their own.
     */
    public Page<MediaRecord> list(Caller caller, String patientIdParam, String purposeParam, int limit, String cursor) {
        String viewerId = caller.id();
        String patientId = patientIdParam == null || patientIdParam.isBlank() ? null : patientIdParam.trim();
        if (patientId == null) {
            if (!caller.isPatient()) {
                throw new InvalidInputException("patientId", "is required: the patient whose media to list");
            }
            patientId = viewerId;
        }
        if (patientId.length() > 100) {
            throw new InvalidInputException("patientId", "is not a user id");
        }
        String purpose = null;
        if (purposeParam != null && !purposeParam.isBlank()) {
            purpose = Purpose.parse(purposeParam.trim())
                    .orElseThrow(() -> new InvalidInputException("purpose", "must be " + Purpose.ACCEPTED))
                    .wireName();
        }
        boolean all = viewerId.equals(patientId) || care.hasActiveAppointment(viewerId, patientId);
        MediaStore.Position after = Cursor.decode(cursor, 2,
                parts -> new MediaStore.Position(Instant.ofEpochMilli(Long.parseLong(parts.get(0))), parts.get(1)));
        List<MediaRecord> items = store.page(patientId, purpose, all ? null : viewerId, after, limit + 1);
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            MediaRecord last = items.getLast();
            next = Cursor.encode(String.valueOf(last.createdAt().toEpochMilli()), last.id());
        }
        return new Page<>(items, next);
    }
}
