package io.consulta.common.store;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateKeyTest {

    private static final ServerAddress SERVER = new ServerAddress();

    @Test
    void aRefusedInsertIsADuplicateWhicheverExceptionReportsIt() {
        WriteError duplicate = new WriteError(11000, "E11000 duplicate key", new BsonDocument());
        assertThat(DuplicateKey.is(new MongoWriteException(duplicate, SERVER, Set.of()))).isTrue();
        assertThat(DuplicateKey.is(new MongoCommandException(
                new BsonDocument("code", new BsonInt32(11000)).append("errmsg", new BsonString("E11000")), SERVER)))
                .isTrue();
        assertThat(DuplicateKey.is(duplicate)).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        WriteError other = new WriteError(121, "document failed validation", new BsonDocument());
        assertThat(DuplicateKey.is(new MongoWriteException(other, SERVER, Set.of()))).isFalse();
        assertThat(DuplicateKey.is(new MongoCommandException(
                new BsonDocument("code", new BsonInt32(112)).append("errmsg", new BsonString("conflict")), SERVER)))
                .isFalse();
        assertThat(DuplicateKey.is(other)).isFalse();
    }
}
