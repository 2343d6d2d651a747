package io.consulta.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.AbstractMap;
import java.util.List;
import java.util.Set;
import java.util.Map.Entry;
import java.util.stream.StreamSupport;

/**
 * mongo-java-server's H2 unique index ({@code H2UniqueIndex}) with its keys in {@link IndexKeyType}: the same map, the
 * same bytes on disk, each key serialized once per operation instead of once per comparison. A compound index also
 * keeps its entries by leading fields ({@link PrefixKeys}), so e.g. {@code {conversationId: c, seq: {$lt: n}}} reads one
 * conversation's messages instead of the collection; mongo-java-server itself uses a compound unique index only for a
 * query naming exactly its fields with plain values.
 */
final class H2KeyIndex extends AbstractUniqueIndex<Object> implements H2Store.Ranked {

    private final MVMap<IndexKeyType.Key, Object> map;
    private final PrefixKeys prefix;
    private final PlainKeyValues plainKeyValues;
    /**
     * A store written before the prefix entries existed: mongo-java-server fills an index that reports itself empty
     * from every document (checks first, then adds), and this one counts those adds to know when the fill is over.
     */
    private boolean fillingPrefix;
    private long prefixFills;

    /** {@code prefixMap} null: no lookups by leading fields (a single-field or a sparse index). */
    H2KeyIndex(MVMap<IndexKeyType.Key, Object> map, MVMap<IndexKeyType.Key, Object> prefixMap, String name,
               List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.plainKeyValues = new PlainKeyValues(keys);
        this.map = map;
        this.prefix = prefixMap == null ? null : new PrefixKeys(prefixMap, this, keys, false);
        this.fillingPrefix = prefix != null && prefix.isEmpty() && !map.isEmpty();
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return exactly(query) != null || prefix != null && prefix.canHandle(query);
    }

    @Override
    public synchronized int selectivity(Document query) {
        return exactly(query) != null ? Integer.MAX_VALUE : prefix.selectivity(query);
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        Document exact = exactly(query);
        return exact != null ? super.getPositions(exact) : prefix.positions(query);
    }

    @Override
    public synchronized Iterable<Object> positionsInOrder(Document query, String field, boolean descending) {
        return exactly(query) == null && prefix != null ? prefix.positionsInOrder(query, field, descending) : null;
    }

    /**
     * The query's conditions on this index's fields when they name at most one entry (what mongo-java-server serves
     * from a unique index), even if the query has conditions on other fields too; else null.
     */
    private Document exactly(Document query) {
        if (super.canHandle(query)) {
            return query;
        }
        if (!query.keySet().containsAll(keySet())) {
            return null;
        }
        Document own = new Document();
        keySet().forEach(field -> own.put(field, query.get(field)));
        return super.canHandle(own) ? own : null;
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Object> collection) {
        if (!fillingPrefix) {
            super.checkAdd(document, collection);
        }
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (fillingPrefix) {
            prefix.add(document, position);
            fillingPrefix = ++prefixFills < collection.count();
            return;
        }
        super.add(document, position, collection);
        if (prefix != null) {
            prefix.add(document, position);
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = super.remove(document);
        if (prefix != null && position != null) {
            prefix.remove(document, position);
        }
        return position;
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty() || fillingPrefix;
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return map.remove(IndexKeyType.Key.of(keyValue));
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return map.putIfAbsent(IndexKeyType.Key.of(keyValue), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
        return () -> StreamSupport.stream(map.entrySet().spliterator(), false)
                .map(entry -> (Entry<KeyValue, Object>) new AbstractMap.SimpleImmutableEntry<>(
                        (KeyValue) entry.getKey().value(), entry.getValue()))
                .iterator();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return map.get(IndexKeyType.Key.of(keyValue));
    }

    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        Set<KeyValue> plain = plainKeyValues.of(document);
        return plain != null ? plain : super.getKeyValues(document);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
