package io.consulta.auth.store;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

@ApplicationScoped
public class ProfileRepository implements PanacheMongoRepositoryBase<Profile, String> {

    void createIndexes(@Observes StartupEvent event) {
        var profiles = mongoCollection();
        profiles.createIndex(Indexes.ascending("emailLower"), new IndexOptions().unique(true).name("unique_email"));
        // Admins list doctors by status; directory searches are served from memory (DoctorDirectory), which
        // re-reads recently changed doctors every few seconds.
        profiles.createIndex(Indexes.ascending("role", "status", "nameLower", "_id"), new IndexOptions().name("directory"));
        profiles.createIndex(Indexes.ascending("role", "updatedAt"), new IndexOptions().name("changed_doctors"));
    }

    public boolean emailTaken(String emailLower) {
        return count("emailLower", emailLower) > 0;
    }
}
