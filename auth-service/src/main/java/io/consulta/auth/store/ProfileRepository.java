package io.consulta.auth.store;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.consulta.auth.domain.AccountStatus;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Optional;

@ApplicationScoped
public class ProfileRepository implements PanacheMongoRepositoryBase<Profile, String> {

    void createIndexes(@Observes StartupEvent event) {
        var profiles = mongoCollection();
        profiles.createIndex(Indexes.ascending("emailLower"), new IndexOptions().unique(true).name("unique_email"));
        profiles.createIndex(Indexes.ascending("role", "status", "nameLower", "_id"), new IndexOptions().name("directory"));
        profiles.createIndex(Indexes.ascending("role", "status", "specialtyLower"), new IndexOptions().name("by_specialty"));
        profiles.createIndex(Indexes.ascending("languages"), new IndexOptions().name("by_language"));
    }

    public Optional<Profile> findApprovedDoctor(String id) {
        return findByIdOptional(id).filter(p -> p.isDoctor() && p.status == AccountStatus.ACTIVE);
    }

    public boolean emailTaken(String emailLower) {
        return count("emailLower", emailLower) > 0;
    }
}
