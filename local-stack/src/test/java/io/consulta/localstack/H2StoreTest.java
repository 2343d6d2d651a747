package io.consulta.localstack;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local stack's H2 store keeps mongo-java-server's file format and index semantics. */
class H2StoreTest {

    @TempDir
    Path dir;

    @Test
    void aStoreWrittenByThePlainBackendOpensWithItsIndexesAndDataIntact() {
        String file = writtenByThePlainBackend("plain.mv", 500);

        withServer(H2Store.open(file), messages -> {
            assertThat(messages.countDocuments()).isEqualTo(500);
            assertThat(messages.find(Filters.and(Filters.eq("conversationId", "c-7"), Filters.eq("seq", 3L))).first())
                    .extracting(d -> d.get("_id")).isEqualTo("m-7-3");
            assertThat(messages.find(Filters.in("_id", List.of("m-1-1", "m-9-4", "missing"))).into(new ArrayList<>()))
                    .extracting(d -> d.get("_id")).containsExactlyInAnyOrder("m-1-1", "m-9-4");
            assertThatThrownBy(() -> messages.insertOne(message("other", 7, 3)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            messages.insertMany(messages(500, 1000));
        });

        withServer(H2Store.open(file), messages -> {
            assertThat(messages.countDocuments()).isEqualTo(1000);
            assertThat(messages.find(Filters.and(Filters.eq("conversationId", "c-3"), Filters.eq("seq", 60L))).first())
                    .extracting(d -> d.get("_id")).isEqualTo("m-3-60");
        });
    }

    @Test
    void aStoreOfJavaSerializedDocumentsIsRewrittenInBsonOnceWithEveryValueIntact() {
        String file = dir.resolve("old.mv").toString();
        Instant sentAt = Instant.parse("2026-11-29T20:38:00.123Z");
        withServer(new H2Backend(file), messages -> {
            messages.insertMany(messages(0, 300));
            messages.updateOne(Filters.eq("_id", "m-5-5"), new Document("$set", new Document("sentAt", Date.from(sentAt))
                    .append("outbox", List.of(new Document("id", "e-1").append("attempts", 2)))));
        });
        assertThat(valueFormats(file)).containsOnly("java-serialized").hasSize(300);

        withServer(H2Store.open(file), messages -> {
            assertThat(messages.countDocuments()).isEqualTo(300);
            Document updated = messages.find(Filters.eq("_id", "m-5-5")).first();
            assertThat(updated.getDate("sentAt")).isEqualTo(Date.from(sentAt));
            assertThat(updated.getList("outbox", Document.class)).containsExactly(new Document("id", "e-1").append("attempts", 2));
            assertThat(updated.getLong("seq")).isEqualTo(5L);
            messages.insertOne(message("new", 1, 1000));
        });
        assertThat(valueFormats(file)).containsOnly("bson").hasSize(301);

        withServer(H2Store.open(file), messages -> {
            assertThat(messages.countDocuments()).isEqualTo(301);
            assertThat(ids(messages.find(Filters.eq("conversationId", "c-1")).sort(new Document("seq", -1)).limit(2)))
                    .containsExactly("new", "m-1-30");
        });
    }

    @Test
    void backgroundCompactionWaitsUntilTheFileIsHalfEmptyUnlessConfiguredOtherwise() {
        assertThat(H2Store.Settings.fromSystemProperties().compactBelowPercent()).isEqualTo(50);
        System.setProperty("consulta.mongo.compact-below-percent", "90");
        try {
            assertThat(H2Store.Settings.fromSystemProperties().compactBelowPercent()).isEqualTo(90);
        } finally {
            System.clearProperty("consulta.mongo.compact-below-percent");
        }
    }

    @Test
    void thePageCacheHolds8MegabytesWhateverTheHeapUnlessConfiguredOtherwise() {
        H2Store store = H2Store.open(dir.resolve("cache.mv").toString());
        try {
            assertThat(store.getMvStore().getCacheSize()).isEqualTo(8);
        } finally {
            store.close();
        }
        System.setProperty("consulta.mongo.cache-mb", "64");
        try {
            assertThat(H2Store.Settings.fromSystemProperties().cacheMb()).isEqualTo(64);
        } finally {
            System.clearProperty("consulta.mongo.cache-mb");
        }
    }

    @Test
    void changesAreWrittenInBatchesOfUpTo64MegabytesUnlessConfiguredOtherwise() {
        H2Store store = H2Store.open(dir.resolve("settings.mv").toString());
        try {
            assertThat(store.getMvStore().getAutoCommitMemory()).isEqualTo(64 * 1024 * 1024);
        } finally {
            store.close();
        }
        System.setProperty("consulta.mongo.commit-buffer-kb", "1024");
        try {
            H2Store small = H2Store.open(dir.resolve("small.mv").toString());
            assertThat(small.getMvStore().getAutoCommitMemory()).isEqualTo(1024 * 1024);
            small.close();
        } finally {
            System.clearProperty("consulta.mongo.commit-buffer-kb");
        }
    }

    /** How each stored document of test.messages is encoded, read from the file's bytes. */
    private static List<String> valueFormats(String file) {
        List<String> formats = new ArrayList<>();
        org.h2.mvstore.MVStore store = new org.h2.mvstore.MVStore.Builder().fileName(file).readOnly().open();
        try {
            store.openMap("databases.test.messages", new org.h2.mvstore.MVMap.Builder<Object, String>()
                    .valueType(new ValueFormat())).values().forEach(formats::add);
        } finally {
            store.close();
        }
        return formats;
    }

    /** Reads a stored document only as far as to say which form it is in. */
    private static final class ValueFormat extends org.h2.mvstore.type.BasicDataType<String> {
        @Override
        public String read(java.nio.ByteBuffer buffer) {
            Object value = BsonDocumentType.INSTANCE.read(buffer.duplicate());
            assertThat(StoredDocument.of(value)).isInstanceOf(de.bwaldvogel.mongo.bson.Document.class);
            String format = buffer.get(buffer.position()) == BsonDocumentType.BSON ? "bson" : "java-serialized";
            BsonDocumentType.INSTANCE.read(buffer);
            return format;
        }

        @Override
        public int getMemory(String format) {
            return 16;
        }

        @Override
        public void write(org.h2.mvstore.WriteBuffer buffer, String format) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public String[] createStorage(int size) {
            return new String[size];
        }
    }

    @Test
    void uniqueIndexesRefuseDuplicatesAndFollowUpdatesAndDeletes() {
        withServer(H2Store.open(dir.resolve("store.mv").toString()), messages -> {
            messages.createIndex(Indexes.ascending("conversationId", "seq"), new IndexOptions().unique(true));
            messages.insertMany(messages(0, 100));

            assertThatThrownBy(() -> messages.insertOne(message("again", 2, 5)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            messages.updateOne(Filters.eq("_id", "m-2-5"), new Document("$set", new Document("seq", 1000L)));
            messages.insertOne(message("reuses-the-freed-key", 2, 5));
            messages.deleteOne(Filters.eq("_id", "m-4-4"));
            messages.insertOne(message("after-delete", 4, 4));

            assertThat(messages.find(Filters.and(Filters.eq("conversationId", "c-2"), Filters.eq("seq", 5L))).first())
                    .extracting(d -> d.get("_id")).isEqualTo("reuses-the-freed-key");
            assertThat(messages.find(Filters.and(Filters.eq("conversationId", "c-2"), Filters.eq("seq", 1000L))).first())
                    .extracting(d -> d.get("_id")).isEqualTo("m-2-5");
            assertThat(messages.countDocuments()).isEqualTo(101);
        });
    }

    @Test
    void aConversationsPageIsReadByItsLeadingIndexFieldWithRangeSortAndLimitApplied() {
        String file = writtenByThePlainBackend("plain-then-prefix.mv", 1000);

        withServer(H2Store.open(file), messages -> {
            // the store predates the entries by leading field: they are built when it opens
            assertThat(page(messages, "c-3", 50, 5)).containsExactly("m-3-49", "m-3-48", "m-3-47", "m-3-46", "m-3-45");
            assertThatThrownBy(() -> messages.insertOne(message("dup", 3, 10)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");

            messages.insertOne(message("m-3-101", 3, 101));
            messages.deleteOne(Filters.eq("_id", "m-3-100"));
            messages.updateOne(Filters.eq("_id", "m-3-99"), new Document("$set", new Document("conversationId", "c-11")));
            assertThat(page(messages, "c-3", 1000, 3)).containsExactly("m-3-101", "m-3-98", "m-3-97");
            assertThat(page(messages, "c-11", 1000, 3)).containsExactly("m-3-99");
        });
    }

    @Test
    void aPageSortedByTheRangeFieldIsReadInIndexOrderAndAnswersAsAFullSortDoes() {
        List<Document> scored = new ArrayList<>();
        Instant first = Instant.parse("2026-01-01T09:00:00Z");
        for (int i = 0; i < 80; i++) {
            // ints, longs and doubles mixed; arrays (sorted by their smallest or largest element), text and no score
            Object score = switch (i % 10) {
                case 3 -> List.of(i, i + 0.5, 500);
                case 6 -> "text " + i;
                case 8 -> null;
                default -> i % 3 == 0 ? (Object) i : i % 3 == 1 ? (Object) (long) i : i - 0.5;
            };
            Document document = new Document("_id", "s-" + i).append("userId", "u-" + i % 2)
                    .append("at", Date.from(first.plus(Duration.ofHours(7L * (i % 13) + i % 5)))); // no ties: their order is open
            if (score != null) {
                document.append("score", score);
            }
            scored.add(document);
        }
        Map<String, List<String>> fullSort = answers(new MemoryBackend(), scored);
        Map<String, List<String>> inIndexOrder = answers(H2Store.open(dir.resolve("ordered.mv").toString()), scored);

        assertThat(fullSort.values()).allSatisfy(ids -> assertThat(ids).isNotEmpty());
        assertThat(inIndexOrder).isEqualTo(fullSort);
    }

    /** The ids each query answers, by name, on a fresh server of the backend holding the documents. */
    private static Map<String, List<String>> answers(MongoBackend backend, List<Document> documents) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        withServer(backend, scores -> {
            scores.createIndex(Indexes.ascending("userId", "score"));
            scores.createIndex(Indexes.ascending("userId", "at"));
            scores.insertMany(documents.stream().map(Document::new).toList());
            Date noon = Date.from(Instant.parse("2026-01-02T12:00:00Z"));
            Map<String, FindIterable<Document>> queries = new LinkedHashMap<>();
            queries.put("newest first below 40", scores.find(Filters.and(Filters.eq("userId", "u-1"),
                    Filters.gte("score", 3), Filters.lt("score", 40))).sort(new Document("score", -1)));
            queries.put("oldest first from 10, limited", scores.find(Filters.and(Filters.eq("userId", "u-1"),
                    Filters.gte("score", 10))).sort(new Document("score", 1)).limit(4));
            queries.put("skipped and limited", scores.find(Filters.and(Filters.eq("userId", "u-0"),
                    Filters.gt("score", 10L), Filters.ne("_id", "s-24"))).sort(new Document("score", -1)).skip(2).limit(5));
            queries.put("dates", scores.find(Filters.and(Filters.eq("userId", "u-0"), Filters.lte("at", noon)))
                    .sort(new Document("at", -1)).limit(6));
            queries.forEach((name, query) -> answers.put(name, ids(query)));
        });
        return answers;
    }

    @Test
    void nonUniqueIndexesServeEqualityOnTheirLeadingFieldsAndFollowWrites() {
        withServer(H2Store.open(dir.resolve("secondary.mv").toString()), notifications -> {
            notifications.createIndex(Indexes.ascending("userId", "createdAt"));
            notifications.createIndex(Indexes.ascending("tags"));
            List<Document> all = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                all.add(new Document("_id", "n-" + i).append("userId", "u-" + i % 7).append("createdAt", (long) i)
                        .append("readAt", i % 2 == 0 ? null : (long) i).append("tags", List.of("t-" + i % 3, "all")));
            }
            notifications.insertMany(all);

            assertThat(ids(notifications.find(Filters.and(Filters.eq("userId", "u-2"), Filters.eq("readAt", null),
                    Filters.lt("createdAt", 100L))).sort(new Document("createdAt", -1)).limit(3)))
                    .containsExactly("n-86", "n-72", "n-58");
            assertThat(notifications.countDocuments(Filters.eq("userId", "u-2"))).isEqualTo(43);
            assertThat(notifications.countDocuments(Filters.eq("userId", 2))).isZero();
            assertThat(notifications.countDocuments(Filters.eq("tags", "t-1"))).isEqualTo(100);
            assertThat(notifications.countDocuments(Filters.eq("tags", "all"))).isEqualTo(300);

            notifications.updateMany(Filters.eq("userId", "u-2"), new Document("$set", new Document("userId", "u-9")));
            notifications.deleteOne(Filters.eq("_id", "n-2"));
            notifications.updateOne(Filters.eq("_id", "n-1"), new Document("$set", new Document("tags", List.of("t-9"))));

            assertThat(notifications.countDocuments(Filters.eq("userId", "u-2"))).isZero();
            assertThat(notifications.countDocuments(Filters.eq("userId", "u-9"))).isEqualTo(42);
            assertThat(ids(notifications.find(Filters.eq("tags", "t-9")))).containsExactly("n-1");
            assertThat(notifications.countDocuments(Filters.eq("tags", "all"))).isEqualTo(298);
        });
    }

    @Test
    void rangesOfDatesAndNumbersAfterTheEqualityFieldsFindEveryMatchingDocument() {
        withServer(H2Store.open(dir.resolve("ranges.mv").toString()), visits -> {
            visits.createIndex(Indexes.ascending("kind", "holdExpiresAt"));
            visits.createIndex(Indexes.ascending("patientId", "kind", "start"));
            visits.createIndex(Indexes.ascending("nextReminderAt"));
            Instant first = Instant.parse("2026-01-01T09:00:00Z");
            List<Document> all = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                Instant start = first.plus(Duration.ofHours(13L * i));
                all.add(new Document("_id", "v-" + i).append("patientId", "p-" + i % 4).append("kind", "visit")
                        .append("start", Date.from(start)).append("score", i % 2 == 0 ? i : i + 0.5)
                        .append("nextReminderAt", i % 3 == 0 ? null : Date.from(start.minus(Duration.ofDays(1)))));
            }
            visits.insertMany(all);

            Date from = Date.from(first.plus(Duration.ofDays(30)));
            Date to = Date.from(first.plus(Duration.ofDays(40)));
            List<String> window = ids(visits.find(Filters.and(Filters.eq("patientId", "p-1"), Filters.eq("kind", "visit"),
                    Filters.gte("start", from), Filters.lt("start", to))).sort(new Document("start", 1)));
            List<String> expected = all.stream()
                    .filter(d -> d.get("patientId").equals("p-1") && !d.getDate("start").before(from) && d.getDate("start").before(to))
                    .map(d -> d.getString("_id")).toList();
            assertThat(window).isNotEmpty().isEqualTo(expected);

            Date now = Date.from(first.plus(Duration.ofDays(20)));
            assertThat(visits.countDocuments(Filters.and(Filters.lte("nextReminderAt", now), Filters.eq("kind", "visit"))))
                    .isEqualTo(all.stream().filter(d -> d.getDate("nextReminderAt") != null
                            && !d.getDate("nextReminderAt").after(now)).count());
            assertThat(visits.countDocuments(Filters.and(Filters.eq("patientId", "p-2"), Filters.eq("kind", "visit"),
                    Filters.gt("start", Date.from(first.plus(Duration.ofDays(10000))))))).isZero();
        });
    }

    @Test
    void aSparseIndexServesTheDocumentsThatHaveItsField() {
        withServer(H2Store.open(dir.resolve("sparse.mv").toString()), visits -> {
            visits.createIndex(Indexes.ascending("outbox.id"), new IndexOptions().sparse(true));
            for (int i = 0; i < 50; i++) {
                List<Document> outbox = i % 10 == 0 ? List.of(new Document("id", "e-" + i), new Document("id", "f-" + i))
                        : List.of();
                visits.insertOne(new Document("_id", "v-" + i).append("outbox", outbox));
            }

            assertThat(ids(visits.find(Filters.exists("outbox.id"))))
                    .containsExactlyInAnyOrder("v-0", "v-10", "v-20", "v-30", "v-40");

            visits.updateOne(Filters.eq("_id", "v-10"), new Document("$set", new Document("outbox", List.of())));
            visits.updateOne(Filters.eq("_id", "v-7"), new Document("$push", new Document("outbox", new Document("id", "g"))));
            visits.deleteOne(Filters.eq("_id", "v-20"));
            visits.deleteOne(Filters.eq("_id", "v-21"));

            assertThat(ids(visits.find(Filters.exists("outbox.id")))).containsExactlyInAnyOrder("v-0", "v-7", "v-30", "v-40");
            assertThat(visits.countDocuments()).isEqualTo(48);

            // entries leave one at a time, as the outbox relay pulls them
            visits.updateOne(Filters.eq("_id", "v-0"), new Document("$pull", new Document("outbox", new Document("id", "e-0"))));
            assertThat(ids(visits.find(Filters.exists("outbox.id")))).containsExactlyInAnyOrder("v-0", "v-7", "v-30", "v-40");
            assertThat(ids(visits.find(Filters.eq("outbox.id", "f-0")))).containsExactly("v-0");
            assertThat(ids(visits.find(Filters.eq("outbox.id", "e-0")))).isEmpty();
            visits.updateOne(Filters.eq("_id", "v-0"), new Document("$pull", new Document("outbox", new Document("id", "f-0"))));
            assertThat(ids(visits.find(Filters.exists("outbox.id")))).containsExactlyInAnyOrder("v-7", "v-30", "v-40");
        });
    }

    private static List<String> page(MongoCollection<Document> messages, String conversation, long before, int limit) {
        return ids(messages.find(Filters.and(Filters.eq("conversationId", conversation), Filters.lt("seq", before)))
                .sort(new Document("seq", -1)).limit(limit));
    }

    private static List<String> ids(Iterable<Document> documents) {
        List<String> ids = new ArrayList<>();
        documents.forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    private static List<Document> messages(int from, int to) {
        List<Document> messages = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int conversation = i % 10;
            int seq = i / 10 + 1;
            messages.add(message("m-" + conversation + "-" + seq, conversation, seq));
        }
        return messages;
    }

    private static Document message(String id, int conversation, long seq) {
        return new Document("_id", id).append("conversationId", "c-" + conversation).append("seq", seq)
                .append("text", "message " + seq);
    }

    /** Runs against a server on the backend, then closes it (which flushes the store). */
    /** A store as the plain H2Backend wrote it before H2Store: {@code count} messages under their unique index. */
    private String writtenByThePlainBackend(String name, int count) {
        String file = dir.resolve(name).toString();
        withServer(new H2Backend(file), messages -> {
            messages.createIndex(Indexes.ascending("conversationId", "seq"), new IndexOptions().unique(true));
            messages.insertMany(messages(0, count));
        });
        return file;
    }

    private static void withServer(MongoBackend backend, Consumer<MongoCollection<Document>> test) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            test.accept(client.getDatabase("test").getCollection("messages"));
        } finally {
            server.shutdownNow();
        }
    }
}
