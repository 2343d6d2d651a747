package io.consulta.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * The local stack's disk store: mongo-java-server's H2 backend with settings for a store that grows to millions of
 * documents. A store written by H2Backend opens here (its documents are rewritten in BSON once); a store written here
 * no longer opens in H2Backend.
 * <ul>
 * <li>Documents are kept as BSON ({@link BsonDocumentType}) instead of Java-serialized.</li>
 * <li>Page cache 8 MB ({@code -Dconsulta.mongo.cache-mb}; H2's default is 16). A page read again costs little since
 * documents stay BSON bytes on it ({@link StoredDocument}), and the file stays in the operating system's cache; what
 * costs is the heap: every page the cache holds outlives a young collection, so the pages the last seconds of reads
 * brought in were what MongoDB's young collections copied (30–100 ms pauses under the history reads with 128 MB).
 * 16 MB took the history page's p99 from 43–65 to 34–49 ms (bench/README round 8); once chat-service served most
 * history pages from its own cache (round 9), the pages its probes and the audit log bring in were most of what was
 * left, and 8 MB halved MongoDB's young pauses again. Below that the chat load's working set (the active
 * conversations' index leaves, about 13 MB for 250 conversations) no longer fits: with 4 MB chat's p99 at 2,000 msg/s
 * was 81 ms, with 8 MB 25 ms (issue 18's benchmark). Larger caches (a quarter of the heap) had made chat's latency
 * tail twice as long for the same reason.</li>
 * <li>Unique indexes compare keys by their stored bytes ({@link IndexKeyType}) instead of serializing both keys
 * for every comparison.</li>
 * <li>Non-unique indexes exist ({@link H2SecondaryIndex}; mongo-java-server ignores them), and they and compound
 * unique indexes serve queries with equality on their leading fields ({@link PrefixKeys}): a user's notifications,
 * a patient's visits, a conversation's messages are read from their index entries, not by scanning the collection;
 * a sparse one serves {@code $exists: true} on its field (the outbox relay's pending entries).
 * A store from before gets these entries built once when it is opened. A query sorted on the field such an index
 * bounds with its range (a conversation's page, newest first) is read in the index's order, either way, and stops at
 * its limit instead of reading and sorting every match.</li>
 * <li>Commit buffer 64 MB ({@code -Dconsulta.mongo.commit-buffer-kb}): how much changed data H2 may hold before it
 * writes; H2 still writes at least once a second. Each write rewrites every page changed since, so a larger buffer
 * means fewer rewrites of the same pages: a chat-like load on a store of 100,000 messages took 0.75 ms of MongoDB CPU
 * per message with H2's default (1–19 MB, scaled to the heap), 0.60 ms with 64 MB.</li>
 * <li>Pages split at 4 KB of entries instead of 16 KB ({@code -Dconsulta.mongo.page-split-kb}): a write rewrites its
 * whole leaf page, and the services' random ids spread writes over all of them; the same load left a store half the
 * size (865 MB instead of 1,584 MB) at the same CPU. (Compacting later, at 50% fill instead of H2's 90%, saved no
 * CPU and grew the file.)</li>
 * <li>Background compaction only below 50% fill ({@code -Dconsulta.mongo.compact-below-percent}), not H2's 90%: on a
 * store of millions of documents H2 otherwise rewrites chunks without pause, a quarter of the server's CPU while it
 * only served reads (0.45 → 0.15 ms of MongoDB CPU per notification list, 0.32 → 0.20 per appointment list). The file
 * may hold up to twice its live data instead of 1.1 times.</li>
 * </ul>
 */
final class H2Store extends H2Backend {

    private static final String PREFIX_SUFFIX = "._prefix";
    /** Namespace → how its documents are stored; a namespace not in it may still hold Java-serialized ones. */
    private static final String FORMATS_MAP = "$consulta.formats"; // "$": no database name has it
    private static final String BSON_FORMAT = "bson";
    private static final ThreadLocal<de.bwaldvogel.mongo.bson.Document> LEADING_MATCH = new ThreadLocal<>();

    /** An index that can say how closely it narrows a query it can handle (higher is narrower). */
    interface Ranked {
        int selectivity(de.bwaldvogel.mongo.bson.Document query);

        /**
         * The positions of what the query can match, in the order of {@code field}, read as they are asked for; null
         * when this index cannot give that order.
         */
        default Iterable<Object> positionsInOrder(de.bwaldvogel.mongo.bson.Document query, String field,
                                                  boolean descending) {
            return null;
        }
    }

    private H2Store(MVStore store) {
        super(store);
    }

    static H2Store open(String fileName) {
        Settings settings = Settings.fromSystemProperties();
        MVStore.Builder builder = new MVStore.Builder().fileName(fileName).cacheSize(settings.cacheMb())
                .autoCommitBufferSize(settings.commitBufferKb()).pageSplitSize(settings.pageSplitKb() * 1024)
                .autoCompactFillRate(settings.compactBelowPercent());
        System.out.println("H2 store " + fileName + ": " + settings);
        return new H2Store(builder.open());
    }

    /** The store's settings (see the class comment), each overridable by a system property. */
    record Settings(int cacheMb, int commitBufferKb, int pageSplitKb, int compactBelowPercent) {

        static Settings fromSystemProperties() {
            return new Settings(
                    Integer.getInteger("consulta.mongo.cache-mb", 8),
                    Integer.getInteger("consulta.mongo.commit-buffer-kb", 64 * 1024),
                    Integer.getInteger("consulta.mongo.page-split-kb", 4),
                    Integer.getInteger("consulta.mongo.compact-below-percent", 50));
        }

        @Override
        public String toString() {
            return "page cache " + cacheMb + " MB, commit buffer " + commitBufferKb + " KB, pages split at "
                    + pageSplitKb + " KB, compacted below " + compactBelowPercent + "% fill";
        }
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

        /**
         * An aggregation reads its whole collection and filters in its first stage; the driver counts documents that
         * way ({@code countDocuments}: {@code $match}, then {@code $group}). A leading {@code $match} is handed to
         * the collection's read ({@link Collection#queryAllAsStream}) so an index can serve it; the stage still runs.
         */
        @Override
        public de.bwaldvogel.mongo.bson.Document handleCommand(io.netty.channel.Channel channel, String command,
                                                               de.bwaldvogel.mongo.bson.Document query,
                                                               de.bwaldvogel.mongo.backend.DatabaseResolver resolver,
                                                               de.bwaldvogel.mongo.oplog.Oplog oplog) {
            if (!command.equalsIgnoreCase("aggregate") || !(query.get("pipeline") instanceof List<?> pipeline)
                    || pipeline.isEmpty() || !(pipeline.getFirst() instanceof de.bwaldvogel.mongo.bson.Document first)
                    || !(first.get("$match") instanceof de.bwaldvogel.mongo.bson.Document match)) {
                return super.handleCommand(channel, command, query, resolver, oplog);
            }
            LEADING_MATCH.set(match);
            try {
                return super.handleCommand(channel, command, query, resolver, oplog);
            } finally {
                LEADING_MATCH.remove();
            }
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            // the map names H2Database gives a collection's documents and its metadata
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents = getMvStore().openMap("databases." + namespace,
                    new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().keyType(PositionType.INSTANCE)
                            .valueType(BsonDocumentType.INSTANCE));
            rewriteInBsonOnce(namespace, documents);
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new Collection(this, collectionName, options, documents, meta);
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

        /**
         * mongo-java-server takes the first index able to serve a query, and only for a query that is a flat document;
         * the driver writes {@code Filters.and} as {@code $and}, so nothing the services ask was served by an index.
         * This plans on the query's conditions ({@link QueryPlan}) and takes the index that narrows them most.
         */
        private final class Collection extends H2Collection {

            /** Its values are {@link StoredDocument}s (or older Java-serialized documents), not the declared type. */
            private final MVMap<Object, ?> stored;

            Collection(MongoDatabase database, String name, CollectionOptions options,
                       MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents, MVMap<String, Object> meta) {
                super(database, name, options, documents, meta, getCursorRegistry());
                this.stored = documents;
            }

            @Override
            protected de.bwaldvogel.mongo.bson.Document getDocument(Object position) {
                return StoredDocument.of(stored.get(position));
            }

            @Override
            protected void removeDocument(Object position) {
                if (stored.remove(position) == null) {
                    throw new java.util.NoSuchElementException("No document with position " + position);
                }
            }

            @Override
            protected java.util.stream.Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
                return stored.entrySet().stream()
                        .map(entry -> new DocumentWithPosition<>(StoredDocument.of(entry.getValue()), entry.getKey()));
            }

            /** A query no index serves: every document, decoded as it is matched (H2Collection casts the stored values). */
            @Override
            protected QueryResult matchDocuments(de.bwaldvogel.mongo.bson.Document query,
                                                 de.bwaldvogel.mongo.bson.Document orderBy, int skip, int limit,
                                                 int batchSize, de.bwaldvogel.mongo.bson.Document fieldSelector) {
                java.util.stream.Stream<de.bwaldvogel.mongo.bson.Document> all = isNaturalDescending(orderBy)
                        ? streamAllDocumentsWithPosition()
                                .sorted((a, b) -> PositionType.INSTANCE.compare(b.getPosition(), a.getPosition()))
                                .map(DocumentWithPosition::getDocument)
                        : stored.values().stream().map(StoredDocument::of);
                return matchDocumentsFromStream(all, query, orderBy, skip, limit, batchSize, fieldSelector);
            }

            /** In an aggregation with a leading {@code $match}: the documents it matches, found as a query would. */
            @Override
            public java.util.stream.Stream<de.bwaldvogel.mongo.bson.Document> queryAllAsStream() {
                de.bwaldvogel.mongo.bson.Document match = LEADING_MATCH.get();
                if (match == null) {
                    return super.queryAllAsStream();
                }
                LEADING_MATCH.remove(); // the aggregation's own collection reads first; others read unhinted
                return handleQueryAsStream(match);
            }

            @Override
            protected QueryResult queryDocuments(de.bwaldvogel.mongo.bson.Document query,
                                                 de.bwaldvogel.mongo.bson.Document orderBy, int skip, int limit,
                                                 int batchSize, de.bwaldvogel.mongo.bson.Document fieldSelector) {
                de.bwaldvogel.mongo.bson.Document plan = QueryPlan.conditions(query);
                Index<Object> best = null;
                int bestSelectivity = -1;
                for (Index<Object> index : getIndexes()) {
                    if (index.canHandle(plan)) {
                        int selectivity = index instanceof Ranked ranked ? ranked.selectivity(plan) : Integer.MAX_VALUE;
                        if (selectivity > bestSelectivity) {
                            best = index;
                            bestSelectivity = selectivity;
                        }
                    }
                }
                if (best == null) {
                    return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
                }
                List<de.bwaldvogel.mongo.bson.Document> sorted = readInSortOrder(best, plan, query, orderBy, skip, limit);
                if (sorted != null) {
                    return matchDocumentsFromStream(sorted.stream(), new de.bwaldvogel.mongo.bson.Document(), null,
                            skip, limit, batchSize, fieldSelector);
                }
                // the index finds every document that can match; the whole query then decides which do
                return matchDocuments(query, best.getPositions(plan), orderBy, skip, limit, batchSize, fieldSelector);
            }

            /**
             * The matching documents in the order of a sort on one field, read in the index's order and only as many
             * as skip and limit take (a conversation's newest page reads one page, not the conversation); null when
             * the index cannot read in that order, or a document holds an array there (MongoDB sorts it by its
             * smallest or largest element, wherever the index found it).
             */
            private List<de.bwaldvogel.mongo.bson.Document> readInSortOrder(Index<Object> index,
                    de.bwaldvogel.mongo.bson.Document plan, de.bwaldvogel.mongo.bson.Document query,
                    de.bwaldvogel.mongo.bson.Document orderBy, int skip, int limit) {
                if (orderBy == null || orderBy.size() != 1 || !(index instanceof Ranked ranked)
                        || !(orderBy.values().iterator().next() instanceof Number direction)) {
                    return null;
                }
                String field = orderBy.keySet().iterator().next();
                Iterable<Object> positions = ranked.positionsInOrder(plan, field, direction.intValue() < 0);
                if (positions == null) {
                    return null;
                }
                List<de.bwaldvogel.mongo.bson.Document> matching = new java.util.ArrayList<>();
                for (Object position : positions) {
                    de.bwaldvogel.mongo.bson.Document document = getDocument(position);
                    if (document.get(field) instanceof java.util.Collection<?>) {
                        return null;
                    }
                    if (documentMatchesQuery(document, query)) {
                        matching.add(document);
                        if (limit > 0 && matching.size() >= skip + limit) {
                            break;
                        }
                    }
                }
                return matching;
            }
        }

        /**
         * A collection written before {@link BsonDocumentType} holds Java-serialized documents; they are rewritten
         * once, when the collection is first opened, so reads of old data get the cheaper decoding too.
         */
        private void rewriteInBsonOnce(String namespace, MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents) {
            MVMap<String, String> formats = getMvStore().openMap(FORMATS_MAP);
            if (BSON_FORMAT.equals(formats.get(namespace))) {
                return;
            }
            long started = System.nanoTime();
            long rewritten = 0;
            // the cursor reads the map as it was when it started; rewriting a value does not move it
            for (var cursor = documents.cursor(null); cursor.hasNext(); rewritten++) {
                documents.put(cursor.next(), cursor.getValue());
            }
            formats.put(namespace, BSON_FORMAT);
            getMvStore().commit();
            if (rewritten > 0) {
                System.out.printf("H2 store: %s rewritten from Java serialization to BSON, %d documents in %d ms%n",
                        namespace, rewritten, (System.nanoTime() - started) / 1_000_000);
            }
        }

        private MVMap<IndexKeyType.Key, Object> openKeyMap(String name) {
            return getMvStore().openMap(name, new MVMap.Builder<IndexKeyType.Key, Object>().keyType(IndexKeyType.INSTANCE)
                    .valueType(PositionType.INSTANCE));
        }
    }
}
