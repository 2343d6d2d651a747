package io.consulta.media.api;

import io.consulta.common.problem.Problem;
import io.consulta.common.problem.ProblemResponses;
import io.consulta.media.domain.ByteRange;
import io.consulta.media.domain.UnsatisfiableRangeException;
import io.consulta.media.service.Content;
import io.consulta.media.store.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import lombok.RequiredArgsConstructor;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * How stored bytes are answered: ETag and conditional requests, one byte range (206, or 416), and headers that keep
 * a browser from treating an upload as anything but what it is (nosniff, a sandbox CSP, PDFs only as downloads).
 * Bytes stream from storage as the client reads them.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class ContentResponses {

    private final BlobStore blobs;

    public Response respond(Content content, ReadConditions conditions) {
        String etag = "\"" + content.sha256() + "\"";
        if (conditions.ifNoneMatch() != null && matches(conditions.ifNoneMatch(), etag)) {
            return headers(Response.notModified(), content, etag).build();
        }
        Optional<ByteRange> range;
        try {
            boolean rangeStillValid = conditions.ifRange() == null || conditions.ifRange().trim().equals(etag);
            range = rangeStillValid ? ByteRange.parse(conditions.range(), content.size()) : Optional.empty();
        } catch (UnsatisfiableRangeException e) {
            return ProblemResponses.builder(Problem.of(416, "range-not-satisfiable", "Range not satisfiable",
                            e.getMessage()))
                    .header("Content-Range", "bytes */" + e.size()).build();
        }
        if (range.isPresent()) {
            ByteRange bytes = range.get();
            return headers(Response.status(206), content, etag)
                    .header("Content-Range", bytes.contentRange(content.size()))
                    .header(HttpHeaders.CONTENT_LENGTH, bytes.length())
                    .entity(stream(content.blobId(), bytes.first(), bytes.length())).build();
        }
        return headers(Response.ok(), content, etag)
                .header(HttpHeaders.CONTENT_LENGTH, content.size())
                .entity(stream(content.blobId(), 0, content.size())).build();
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder builder, Content content, String etag) {
        return builder.type(content.contentType())
                .header(HttpHeaders.ETAG, etag)
                .header("Content-Disposition", (content.inline() ? "inline" : "attachment")
                        + "; filename=\"" + content.fileName() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private")
                .header("Accept-Ranges", "bytes")
                .header("Referrer-Policy", "no-referrer");
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private StreamingOutput stream(String blobId, long offset, long length) {
        return (OutputStream out) -> {
            try (InputStream in = blobs.open(blobId, offset)) {
                byte[] buffer = new byte[64 * 1024];
                long left = length;
                while (left > 0) {
                    int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (read == -1) {
                        break;
                    }
                    out.write(buffer, 0, read);
                    left -= read;
                }
            }
        };
    }
}
