package io.east.producers.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.producers.testing.GroupSummaries;
import io.east.schemas.serde.BadPayload;
import io.east.schemas.serde.EastSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompletedTasksFromGroupsTest {

    private static final String TOPIC = "east.groups";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    /**
     * The feeder has no dead-letter topic: a record that does not decode is skipped and counted, and the completions
     * around it still arrive. (A summary that decodes is a completion whatever its size.)
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everyRecordThatDoesNotDecodeIsSkippedAndCountedAndTheCompletionsAroundItArrive(long seed) {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("latest");
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), new Node[0], new Node[0])));
        consumer.updateEndOffsets(Map.of(PARTITION, 0L));
        CompletedTasksFromGroups completions = new CompletedTasksFromGroups(consumer, TOPIC);
        completions.start();

        List<BadPayload> bad = BadPayload.ofKinds(BadPayload.undecodableKinds(),
                GroupSummaries.completed("gsm8k/q-bad@r0"), seed);
        List<String> good = new ArrayList<>();
        long offset = 0;
        for (BadPayload payload : bad) {
            String taskId = "gsm8k/q" + good.size() + "@r0";
            good.add(taskId);
            consumer.addRecord(record(offset++, taskId, EastSerdes.groupSummary().serialize(
                    GroupSummaries.completed(taskId))));
            consumer.addRecord(record(offset++, "bad", payload.value()));
        }
        good.add("gsm8k/q-last@r0");
        consumer.addRecord(record(offset, "gsm8k/q-last@r0",
                EastSerdes.groupSummary().serialize(GroupSummaries.completed("gsm8k/q-last@r0"))));

        assertThat(completions.poll(Duration.ZERO)).containsExactlyElementsOf(good);
        assertThat(completions.skipped()).isEqualTo(bad.size());
        completions.close();
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, String key, byte[] value) {
        return new ConsumerRecord<>(TOPIC, 0, offset, key.getBytes(StandardCharsets.UTF_8), value);
    }
}
