package io.consulta.localstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;

/**
 * A document as it lies on an H2 page: its BSON bytes, decoded each time it is read. H2 keeps the pages it reads in
 * its cache; holding them decoded (a map, its keys and values: dozens of objects a document) made every page read
 * from disk a few thousand objects that live until the cache drops them, and copying those in young collections was
 * what made the MongoDB process pause under the history reads. A page of bytes is a handful of objects; the
 * decoded document a read asks for dies young.
 */
record StoredDocument(byte[] bson) {

    Document decoded() {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** The document a value of a collection's map stands for: stored as BSON, or an older Java-serialized one. */
    static Document of(Object value) {
        return value instanceof StoredDocument stored ? stored.decoded() : (Document) value;
    }
}
