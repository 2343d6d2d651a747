package io.consulta.localstack;

import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Ids are written and ordered exactly as H2's default type does, so stores from before read unchanged. */
class PositionTypeTest {

    private static final List<Object> IDS = List.of("", "a", "c-7", "0b6a3c1e-3f7e-4d59-9a53-3c1f0d2c8e11",
            "0b6a3c1e-3f7e-4d59-9a53-3c1f0d2c8e12", "exactly fifteen", "sixteen chars!!!", "Zürich", "日本語の名前",
            "emoji 👋 id", 42L, -1L, 7, 2.5, UUID.fromString("7d444840-9dc0-11d1-b245-5ffdce74fad2"),
            new ObjectId("656750e0a1b2c3d4e5f60718"), new ObjectId("656750e0a1b2c3d4e5f60719"),
            new ObjectId("ff6750e0a1b2c3d4e5f60700"), new ObjectId(), new de.bwaldvogel.mongo.backend.KeyValue("k"));

    @Test
    void writesTheBytesH2sDefaultTypeWritesAndReadsThemBack() {
        ObjectDataType objects = new ObjectDataType();
        for (Object id : IDS) {
            byte[] ours = written(PositionType.INSTANCE, id);
            assertThat(ours).as("%s", id).isEqualTo(written(objects, id));
            assertThat(PositionType.INSTANCE.read(ByteBuffer.wrap(ours))).isEqualTo(id);
        }
    }

    @Test
    void ordersEveryPairAsH2sDefaultTypeDoes() {
        ObjectDataType objects = new ObjectDataType();
        for (Object a : IDS) {
            for (Object b : IDS) {
                assertThat(Integer.signum(PositionType.INSTANCE.compare(a, b))).as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(objects.compare(a, b)));
            }
        }
    }

    @Test
    void manyMapsUseItAtOnceWithoutMixingUpTheTypesOfTheirIds() throws Exception {
        ObjectId first = new ObjectId("656750e0a1b2c3d4e5f60718");
        ObjectId second = new ObjectId("656750e0a1b2c3d4e5f60719");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                boolean comparing = thread % 2 == 0;
                results.add(pool.submit(() -> {
                    int done = 0;
                    for (int i = 0; i < 300_000; i++) {
                        if (comparing) { // one map's ObjectId keys
                            done += PositionType.INSTANCE.compare(first, second) < 0 ? 1 : 0;
                        } else { // another's numeric and UUID ids, written at the same time
                            written(PositionType.INSTANCE, i % 2 == 0 ? (Object) (long) i : new UUID(i, i));
                            done++;
                        }
                    }
                    return done;
                }));
            }
            for (var result : results) {
                assertThat(result.get()).isEqualTo(300_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] written(org.h2.mvstore.type.DataType<Object> type, Object value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        ByteBuffer bytes = buffer.getBuffer().flip();
        byte[] result = new byte[bytes.remaining()];
        bytes.get(result);
        return result;
    }
}
