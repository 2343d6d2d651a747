package io.consulta.chat.store;

import io.consulta.common.store.ServiceDatabase;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.consulta.chat.domain.MediaRef;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Projection of consulta.media: the files a message may refer to (collection media_refs). */
@ApplicationScoped
public class MediaRefs {

    private final MongoCollection<Document> refs;

    public MediaRefs(ServiceDatabase database) {
        this.refs = database.collection("media_refs");
    }

    /** A redelivered upload event never brings a deleted file back. */
    public void uploaded(String mediaId, String patientId, String uploadedBy) {
        refs.updateOne(Filters.eq("_id", mediaId), Updates.combine(Updates.set("patientId", patientId),
                Updates.set("uploadedBy", uploadedBy), Updates.setOnInsert("deleted", false)),
                new UpdateOptions().upsert(true));
    }

    public void deleted(String mediaId, String patientId) {
        refs.updateOne(Filters.eq("_id", mediaId), Updates.combine(Updates.set("deleted", true),
                Updates.set("patientId", patientId)), new UpdateOptions().upsert(true));
    }

    /** The known files among {@code mediaIds}, by id, in one query. */
    public Map<String, MediaRef> find(Collection<String> mediaIds) {
        Map<String, MediaRef> found = new HashMap<>();
        refs.find(Filters.in("_id", mediaIds)).forEach(d -> found.put(d.getString("_id"), new MediaRef(
                d.getString("_id"), d.getString("patientId"), d.getString("uploadedBy"),
                Boolean.TRUE.equals(d.getBoolean("deleted")))));
        return found;
    }
}
