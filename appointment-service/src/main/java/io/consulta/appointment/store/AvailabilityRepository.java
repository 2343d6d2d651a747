package io.consulta.appointment.store;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AvailabilityRepository implements PanacheMongoRepositoryBase<AvailabilityRecord, String> {
}
