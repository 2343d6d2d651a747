package io.consulta.notes.store;

import io.consulta.common.store.ServiceDatabase;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/** Projection of consulta.media: which uploads exist, whose record they belong to and who uploaded them. */
@ApplicationScoped
public class MediaCatalog {

    private final MongoCollection<Document> media;

    public MediaCatalog(ServiceDatabase database) {
        this.media = database.collection("media");
    }

    public void uploaded(String mediaId, String patientId, String uploadedBy, String purpose, String contentType) {
        media.updateOne(Filters.eq("_id", mediaId), Updates.combine(Updates.setOnInsert("deleted", false),
                Updates.set("patientId", patientId), Updates.set("uploadedBy", uploadedBy),
                Updates.set("purpose", purpose), Updates.set("contentType", contentType),
                Updates.set("updatedAt", new Date())), new UpdateOptions().upsert(true));
    }

    /** A deletion wins over a late or replayed upload event: the id stays known as deleted. */
    public void deleted(String mediaId, String patientId) {
        media.updateOne(Filters.eq("_id", mediaId), Updates.combine(Updates.set("deleted", true),
                Updates.setOnInsert("patientId", patientId), Updates.set("updatedAt", new Date())),
                new UpdateOptions().upsert(true));
    }

    /** Of {@code mediaIds}, those not (or no longer) in {@code patientId}'s record. */
    public List<String> notAttachable(String patientId, Collection<String> mediaIds) {
        if (mediaIds.isEmpty()) {
            return List.of();
        }
        List<String> ok = new ArrayList<>();
        media.find(Filters.and(Filters.in("_id", mediaIds), Filters.eq("patientId", patientId),
                Filters.eq("deleted", false))).forEach(d -> ok.add(d.getString("_id")));
        return mediaIds.stream().filter(id -> !ok.contains(id)).toList();
    }
}
