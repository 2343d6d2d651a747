package io.consulta.media.store;

import io.consulta.common.store.ServiceDatabase;
import com.mongodb.MongoGridFSException;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Media bytes in GridFS (bucket {@value #BUCKET}: collections media.files and media.chunks) of consulta_media. Works
 * the same on a production replica set and on the local MongoDB-protocol server. Bytes stream through in 255 KiB
 * chunks, so no file is ever held whole in memory.
 */
@ApplicationScoped
public class GridFsBlobStore implements BlobStore {

    public static final String BUCKET = "media";

    private final GridFSBucket bucket;

    public GridFsBlobStore(ServiceDatabase database) {
        this.bucket = GridFSBuckets.create(database.database(), BUCKET);
    }

    @Override
    public StoredBlob put(String name, String mediaId, String contentType, InputStream content) {
        MessageDigest sha256 = sha256();
        GridFSUploadStream upload = bucket.openUploadStream(name, new GridFSUploadOptions()
                .metadata(new Document("mediaId", mediaId).append("contentType", contentType)));
        long size = 0;
        try {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = content.read(buffer)) != -1) {
                sha256.update(buffer, 0, read);
                upload.write(buffer, 0, read);
                size += read;
            }
            upload.close();
        } catch (IOException | RuntimeException e) {
            upload.abort(); // drops the chunks written so far
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        return new StoredBlob(upload.getObjectId().toHexString(), size, HexFormat.of().formatHex(sha256.digest()));
    }

    @Override
    public InputStream open(String blobId, long offset) {
        GridFSDownloadStream download = bucket.openDownloadStream(new ObjectId(blobId));
        if (offset > 0) {
            download.skip(offset);
        }
        return download;
    }

    @Override
    public void delete(String blobId) {
        try {
            bucket.delete(new ObjectId(blobId));
        } catch (MongoGridFSException alreadyGone) {
            // deleting twice (a retried sweep) is fine
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
