package io.consulta.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * The local stack's disk store: mongo-java-server's H2 backend with settings for a store that grows to millions of
 * documents. The file format is H2Backend's own, so a store written by either opens in the other.
 * <ul>
 * <li>Page cache: H2's default is 16 MB. Every page read again is decoded object by object, so once the store
 * outgrows the cache, reads and the index checks of every write go to disk and decoding; a quarter of the heap
 * (256 MB of the local stack's 1 GB) keeps the hot pages. {@code -Dconsulta.mongo.cache-mb} overrides it.</li>
 * <li>Unique indexes compare keys by their stored bytes ({@link IndexKeyType}) instead of serializing both keys
 * for every comparison.</li>
 * <li>Non-unique indexes exist ({@link H2SecondaryIndex}; mongo-java-server ignores them), and they and compound
 * unique indexes serve queries with equality on their leading fields ({@link PrefixKeys}): a user's notifications,
 * a patient's visits, a conversation's messages are read from their index entries, not by scanning the collection;
 * a sparse one serves {@code $exists: true} on its field (the outbox relay's pending entries).
 * A store from before gets these entries built once when it is opened.</li>
 * <li>{@code -Dconsulta.mongo.commit-buffer-kb}: how much changed data H2 may hold before it writes (its own default
 * otherwise). A bulk load with a large buffer rewrites each page once per many changes instead of once per few.</li>
 * </ul>
 */
final class H2Store extends H2Backend {

    private static final String PREFIX_SUFFIX = "._prefix";

    private H2Store(MVStore store) {
        super(store);
    }

    static H2Store open(String fileName) {
        int cacheMb = Integer.getInteger("consulta.mongo.cache-mb",
                (int) Math.max(16, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024)));
        MVStore.Builder builder = new MVStore.Builder().fileName(fileName).cacheSize(cacheMb);
        Integer commitBufferKb = Integer.getInteger("consulta.mongo.commit-buffer-kb");
        if (commitBufferKb != null) {
            builder.autoCommitBufferSize(commitBufferKb);
        }
        System.out.println("H2 store " + fileName + ": page cache " + cacheMb + " MB"
                + (commitBufferKb == null ? "" : ", commit buffer " + commitBufferKb + " KB"));
        return new H2Store(builder.open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** Inner, so the store is reachable while H2Database's constructor already opens the indexes. */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            String mapName = indexMapName(collectionName, indexName);
            boolean byLeadingFields = keys.size() > 1 && !sparse;
            return new H2KeyIndex(openKeyMap(mapName), byLeadingFields ? openKeyMap(mapName + PREFIX_SUFFIX) : null,
                    indexName, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            return new H2SecondaryIndex(openKeyMap(indexMapName(collectionName, indexName)), indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String prefixMap = indexMapName(collection.getCollectionName(), indexName) + PREFIX_SUFFIX;
            if (getMvStore().hasMap(prefixMap)) {
                getMvStore().removeMap(prefixMap);
            }
        }

        /** The map name H2Database gives an index (it drops it with the index and the database). */
        private String indexMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }

        private MVMap<IndexKeyType.Key, Object> openKeyMap(String name) {
            return getMvStore().openMap(name, new MVMap.Builder<IndexKeyType.Key, Object>().keyType(IndexKeyType.INSTANCE));
        }
    }
}
