package io.consulta.media.store;

import java.io.InputStream;

/**
 * Where the bytes of media live. The default is GridFS in the service's own database ({@link GridFsBlobStore}); an
 * object store would implement the same three operations.
 */
public interface BlobStore {

    /** Streams {@code content} into storage; nothing is left behind if it fails. */
    StoredBlob put(String name, String mediaId, String contentType, InputStream content);

    /** The stored bytes from {@code offset} on. */
    InputStream open(String blobId, long offset);

    /** Removes the bytes; a blob that is already gone is not an error. */
    void delete(String blobId);
}
