package io.consulta.auth.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.consulta.auth.domain.AccountStatus;
import io.consulta.auth.domain.DirectoryIndex;
import io.consulta.auth.domain.DirectoryIndex.Change;
import io.consulta.auth.domain.DirectoryListing;
import io.consulta.common.identity.Role;
import io.consulta.common.domain.UnavailableException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The public doctor directory, held in memory so that a search costs no database round trip. In the store, finding
 * doctors by a fragment of their name is a {@code $regex} that no index can serve: every search would read every
 * doctor. Kept current three ways:
 * <ul>
 *   <li>this replica's own profile writes are applied at once ({@link io.consulta.auth.service.Accounts} calls {@link #changed});</li>
 *   <li>every {@code consulta.directory.refresh-interval}, doctors whose profile changed recently ({@code updatedAt},
 *       written by every replica) are read again, so another replica's approval shows within that interval;</li>
 *   <li>every {@code consulta.directory.full-reload-interval}, the whole directory is read again, which also catches
 *       edits made in the database by hand.</li>
 * </ul>
 */
@ApplicationScoped
public class DoctorDirectory {

    private static final Logger LOG = Logger.getLogger(DoctorDirectory.class);
    /** A refresh re-reads changes from this long before the previous one: covers replica clocks and slow writes. */
    static final Duration OVERLAP = Duration.ofMinutes(2);
    private static final Bson LISTING_FIELDS = Projections.include("role", "status", "version", "name", "nameLower",
            "specialty", "specialtyLower", "bio", "languages", "clinicAddress", "consultationFee", "photoMediaId");

    private final ProfileRepository profiles;
    private final Duration refreshInterval;
    private final Duration fullReloadInterval;

    private volatile DirectoryIndex index = DirectoryIndex.EMPTY;
    private volatile boolean loaded;
    private volatile Instant lastRefreshStarted = Instant.EPOCH;
    private ScheduledExecutorService refresher;

    public DoctorDirectory(ProfileRepository profiles,
                           @ConfigProperty(name = "consulta.directory.refresh-interval", defaultValue = "5s") Duration refreshInterval,
                           @ConfigProperty(name = "consulta.directory.full-reload-interval", defaultValue = "10m") Duration fullReloadInterval) {
        this.profiles = profiles;
        this.refreshInterval = refreshInterval;
        this.fullReloadInterval = fullReloadInterval;
    }

    /**
     * The first load runs on the refresher's thread, beside the rest of the start, not before the HTTP server opens;
     * until it succeeded the replica is not ready ({@link DirectoryReadiness}) and searches answer 503.
     */
    void start(@Observes StartupEvent event) {
        refresher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("directory-refresh").factory());
        refresher.execute(() -> {
            try {
                reload();
            } catch (RuntimeException e) {
                LOG.warnf("Doctor directory not loaded at startup (%s); retrying every %s", e.getMessage(),
                        refreshInterval);
            }
        });
        refresher.scheduleWithFixedDelay(() -> quietly("refresh", this::refresh),
                refreshInterval.toMillis(), refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
        refresher.scheduleWithFixedDelay(() -> quietly("full reload", this::reload),
                fullReloadInterval.toMillis(), fullReloadInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** Never blocks (safe on the I/O thread); 503 until the first load succeeded, which the refresher retries. */
    public DirectoryIndex.Page search(DirectoryIndex.Query query) {
        requireLoaded();
        return index.search(query);
    }

    /** An approved doctor's listing, as the search shows it. */
    public Optional<DirectoryListing> find(String id) {
        requireLoaded();
        return index.find(id);
    }

    public boolean isLoaded() {
        return loaded;
    }

    /** A profile this replica just wrote: the directory shows the change at once (or drops the doctor). */
    public void changed(Profile profile) {
        if (profile.isDoctor()) {
            apply(List.of(changeOf(profile)));
        }
    }

    /** Re-reads the doctors changed since shortly before the previous refresh, by whichever replica. */
    public void refresh() {
        if (!loaded) {
            reload();
            return;
        }
        Instant started = Instant.now();
        Date since = Date.from(lastRefreshStarted.minus(OVERLAP));
        apply(read(Filters.and(Filters.eq("role", Role.DOCTOR), Filters.gte("updatedAt", since))));
        lastRefreshStarted = started;
    }

    /** Reads the whole directory again. */
    public void reload() {
        Instant started = Instant.now();
        List<Change> everyDoctor = read(Filters.eq("role", Role.DOCTOR));
        synchronized (this) {
            index = index.reload(everyDoctor);
        }
        lastRefreshStarted = started;
        loaded = true;
    }

    public int size() {
        return index.size();
    }

    private void requireLoaded() {
        if (!loaded) {
            throw new UnavailableException("The doctor directory is not available yet; please retry shortly");
        }
    }

    /** Applying is ordered by profile version, so a refresh and a local write may land in either order. */
    private synchronized void apply(List<Change> changes) {
        index = index.apply(changes);
    }

    private List<Change> read(Bson filter) {
        List<Change> changes = new ArrayList<>();
        for (Profile profile : profiles.mongoCollection().find(filter).projection(LISTING_FIELDS)) {
            changes.add(changeOf(profile));
        }
        return changes;
    }

    static Change changeOf(Profile p) {
        if (!p.isDoctor() || p.status != AccountStatus.ACTIVE) {
            return Change.unlisted(p.id, p.version);
        }
        return new Change(p.id, p.version, new DirectoryListing(p.id, p.name, p.nameLower, p.specialty,
                p.specialtyLower, p.bio, p.languages, p.clinicAddress, p.consultationFee, p.photoMediaId));
    }

    private static void quietly(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warnf("Doctor directory %s failed (%s); retrying at the next interval", what, e.getMessage());
        }
    }
}
