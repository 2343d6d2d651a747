package io.consulta.common.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.WriteError;

/** The one test for "a unique index refused this write" (code 11000 and its relatives), whatever exception said so. */
public final class DuplicateKey {

    private DuplicateKey() {
    }

    public static boolean is(MongoException e) {
        return ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }

    /** For one error of a bulk write. */
    public static boolean is(WriteError error) {
        return error.getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
