package io.consulta.media.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The room that uploads in flight may take in the uploads folder. In a pod that folder is an emptyDir with a size
 * limit, and a pod that writes past it is evicted with every upload it was receiving; so each request reserves its
 * declared body size before its body is read and gives it back when it ends, and one that does not fit is refused
 * (503 with Retry-After) instead.
 */
@ApplicationScoped
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class UploadSpace {

    private final long budget;
    private final AtomicLong reserved = new AtomicLong();

    @Inject
    public UploadSpace(MediaSettings settings) {
        this(settings.uploads().diskBudget().asLongValue());
    }

    /** Reserves {@code bytes} when they fit in what is left; false (nothing reserved) when they do not. */
    public boolean tryReserve(long bytes) {
        long before;
        do {
            before = reserved.get();
            if (before + bytes > budget) {
                return false;
            }
        } while (!reserved.compareAndSet(before, before + bytes));
        return true;
    }

    public void release(long bytes) {
        reserved.addAndGet(-bytes);
    }

    public long reserved() {
        return reserved.get();
    }
}
