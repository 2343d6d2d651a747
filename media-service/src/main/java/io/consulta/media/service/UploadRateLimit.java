package io.consulta.media.service;

import io.consulta.common.domain.TooManyRequestsException;
import io.consulta.media.store.UploadWindows;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** At most {@code consulta.media.uploads.per-user} uploads per user and window, across replicas (429 beyond). */
@ApplicationScoped
public class UploadRateLimit {

    private final UploadWindows windows;
    private final int perWindow;
    private final Duration window;
    private final Clock clock;

    public UploadRateLimit(UploadWindows windows, MediaSettings settings, Clock clock) {
        this.windows = windows;
        this.perWindow = settings.uploads().perUser();
        this.window = settings.uploads().window();
        this.clock = clock;
    }

    public void count(String userId) {
        Instant now = clock.instant();
        long size = window.toMillis();
        Instant start = Instant.ofEpochMilli(now.toEpochMilli() / size * size);
        Instant end = start.plus(window);
        if (windows.increment(userId, start, end) > perWindow) {
            throw new TooManyRequestsException("At most " + perWindow + " uploads are accepted per "
                    + window.toMinutes() + " minutes; retry later", Duration.between(now, end));
        }
    }
}
