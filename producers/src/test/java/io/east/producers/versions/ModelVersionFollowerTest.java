package io.east.producers.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.schemas.ModelVersion;
import io.east.schemas.serde.BadPayload;
import io.east.schemas.serde.EastSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelVersionFollowerTest {

    private static final String TOPIC = "east.model-versions";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private MockConsumer<byte[], byte[]> consumer;
    private ModelVersionFollower follower;
    private long offset;

    @BeforeEach
    void setUp() {
        consumer = new MockConsumer<>("earliest");
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), new Node[0], new Node[0])));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        follower = new ModelVersionFollower(consumer, TOPIC, "main");
    }

    private static ModelVersion version(long version, String uri) {
        return ModelVersion.newBuilder().setVersion(version).setCheckpointUri(uri).setStep(version * 10)
                .setCreatedAt(Instant.ofEpochMilli(1)).build();
    }

    private void arrive(String key, byte[] value) {
        consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset++,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value));
    }

    private void arrive(String key, ModelVersion version) {
        arrive(key, EastSerdes.modelVersion().serialize(version));
    }

    @Test
    void keepsTheHighestVersionOfItsKeyFromTheBeginningOfTheTopic() throws Exception {
        assertThat(follower.poll(Duration.ZERO)).isEmpty();
        assertThat(consumer.assignment()).containsExactly(PARTITION);

        arrive("main", version(1, "file:///c/v000001"));
        arrive("alpha2", version(7, "file:///c/alpha2/v000007"));
        arrive("main", version(3, "file:///c/v000003"));
        arrive("main", version(2, "file:///c/v000002"));   // a late re-announcement changes nothing
        arrive("main", (byte[]) null);                       // a tombstone unloads nothing
        arrive("main", "not avro".getBytes(StandardCharsets.UTF_8));

        assertThat(follower.poll(Duration.ZERO)).hasValueSatisfying(v -> {
            assertThat(v.getVersion()).isEqualTo(3);
            assertThat(v.getCheckpointUri()).isEqualTo("file:///c/v000003");
        });
        assertThat(follower.poll(Duration.ZERO)).map(ModelVersion::getVersion).contains(3L);
    }

    /**
     * Followers have no dead-letter topic: a record of the key that does not decode is skipped and counted, and the
     * version beside it is still taken. (Tombstones are deletions on this compacted topic, not bad records.)
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everyRecordThatDoesNotDecodeIsSkippedAndCountedAndTheVersionsAroundItAreTaken(long seed) throws Exception {
        List<BadPayload> bad = BadPayload.ofKinds(BadPayload.undecodableKinds().stream()
                .filter(kind -> kind != BadPayload.Kind.NULL).toList(), version(99, "file:///c/v000099"), seed);
        assertThat(follower.poll(Duration.ZERO)).isEmpty();
        long expected = 0;
        for (BadPayload payload : bad) {
            expected++;
            arrive("main", version(expected, "file:///c/v" + expected));
            arrive("main", payload.value());

            assertThat(follower.poll(Duration.ZERO)).as(payload.toString()).map(ModelVersion::getVersion)
                    .contains(expected);
            assertThat(follower.skipped()).isEqualTo(expected);
        }
    }

    @Test
    void aMissingTopicIsAClearError() {
        ModelVersionFollower lost = new ModelVersionFollower(consumer, "no.such.topic", "main");

        assertThatThrownBy(() -> lost.poll(Duration.ZERO)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("topic no.such.topic does not exist");
    }
}
