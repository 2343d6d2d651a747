package io.consulta.appointment.store;

import com.mongodb.MongoServerException;
import io.consulta.common.store.DuplicateKey;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.util.List;
import java.util.function.Supplier;

/**
 * Runs writes that take slot claims. A refused claim may only be held by a hold that ran out (holds expire in the
 * application, not by a TTL index), so such holds are dropped and the write is tried once more.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class Claims {

    private final AppointmentRepository appointments;
    private final TimeSource time;

    public <T> T take(List<String> claims, Supplier<T> write) {
        try {
            return write.get();
        } catch (MongoServerException refused) {
            if (!isDuplicateKey(refused) || appointments.dropExpiredHolds(claims, time.now()) == 0) {
                throw conflictOr(refused);
            }
        }
        try {
            return write.get();
        } catch (MongoServerException refused) {
            throw conflictOr(refused);
        }
    }

    public static boolean isDuplicateKey(RuntimeException failure) {
        return failure instanceof MongoServerException server && DuplicateKey.is(server);
    }

    private static RuntimeException conflictOr(MongoServerException failure) {
        return isDuplicateKey(failure) ? new ClaimConflictException() : failure;
    }
}
