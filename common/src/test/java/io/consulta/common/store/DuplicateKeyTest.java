package io.consulta.common.store;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateKeyTest {

    private static final ServerAddress SERVER = new ServerAddress();

    /** A failure with this server error code as each exception the driver may report it in. */
    private static List<MongoException> reportsOf(int code, String message) {
        return List.of(new MongoWriteException(new WriteError(code, message, new BsonDocument()), SERVER, Set.of()),
                new MongoCommandException(new BsonDocument("code", new BsonInt32(code))
                        .append("errmsg", new BsonString(message)), SERVER));
    }

    @Test
    void aRefusedInsertIsADuplicateWhicheverExceptionReportsIt() {
        assertThat(reportsOf(11000, "E11000 duplicate key")).isNotEmpty().allMatch(DuplicateKey::is);
        assertThat(DuplicateKey.is(new WriteError(11000, "E11000 duplicate key", new BsonDocument()))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(reportsOf(121, "document failed validation")).noneMatch(DuplicateKey::is);
        assertThat(reportsOf(112, "conflict")).noneMatch(DuplicateKey::is);
        assertThat(DuplicateKey.is(new WriteError(121, "document failed validation", new BsonDocument()))).isFalse();
    }
}
