package io.consulta.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.List;
import java.util.Set;

/**
 * A non-unique index, which mongo-java-server otherwise accepts and ignores (every query on it scans the collection):
 * kept in H2 and used for queries with equality on its leading fields, or, when sparse, for the documents that have
 * its field ({@link PrefixKeys}).
 */
final class H2SecondaryIndex extends Index<Object> implements H2Store.Ranked {

    private final PrefixKeys entries;
    private final PlainKeyValues plainKeyValues;

    H2SecondaryIndex(MVMap<IndexKeyType.Key, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.plainKeyValues = new PlainKeyValues(keys);
        this.entries = new PrefixKeys(map, this, keys, sparse);
    }

    @Override
    public Object getPosition(Document document) {
        return null; // not unique: the _id index locates documents
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        entries.add(document, position);
    }

    @Override
    public Object remove(Document document) {
        if (!entries.covers(document)) {
            return null; // a sparse index's document without the fields: mongo-java-server expects no position
        }
        Object position = document.get("_id");
        entries.remove(document, position);
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        return entries.canHandle(query);
    }

    @Override
    public int selectivity(Document query) {
        return entries.selectivity(query);
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        return entries.positions(query);
    }

    @Override
    public Iterable<Object> positionsInOrder(Document query, String field, boolean descending) {
        return entries.positionsInOrder(query, field, descending);
    }

    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        Set<KeyValue> plain = plainKeyValues.of(document);
        return plain != null ? plain : super.getKeyValues(document);
    }

    @Override
    public long getCount() {
        return entries.size();
    }

    /**
     * Asked once, when the index is registered with its collection, which then enters every document if the answer is
     * yes. A sparse index can be complete and empty, so the first answer is recorded rather than read from the map:
     * otherwise every start would read the whole collection again (mongo-java-server's own non-unique indexes are
     * always empty, so it read every collection twice per declared index at every start).
     */
    @Override
    public synchronized boolean isEmpty() {
        if (entries.built()) {
            return false;
        }
        entries.markBuilt();
        return true;
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        entries.update(oldDocument, newDocument, position);
    }

    @Override
    public void drop() {
    }
}
