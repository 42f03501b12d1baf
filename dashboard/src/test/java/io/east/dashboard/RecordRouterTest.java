package io.east.dashboard;

import static io.east.dashboard.DashboardRecords.cluster;
import static io.east.dashboard.DashboardRecords.eval;
import static io.east.dashboard.DashboardRecords.group;
import static io.east.dashboard.DashboardRecords.step;
import static io.east.dashboard.DashboardRecords.version;
import static io.east.dashboard.DashboardRecords.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.east.schemas.serde.AvroSerde;
import io.east.schemas.serde.BadPayload;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dashboard has no dead-letter topic: on every topic it reads, a record that does not decode is skipped and
 * counted, and the records around it are shown. (Tombstones are deletions, not bad records; a record that decodes is
 * shown whatever its size.)
 */
class RecordRouterTest {

    private static final List<BadPayload.Kind> BAD = BadPayload.undecodableKinds().stream()
            .filter(kind -> kind != BadPayload.Kind.NULL).toList();

    static Stream<Arguments> topicsAndSeeds() {
        Map<String, LongFunction<SpecificRecord>> good = Map.of(
                EastTopics.WEIGHT_STATS.name(), i -> window(null, i, List.of(1, 2), List.of(2, 1), 1, 1, 1, Map.of()),
                EastTopics.GROUPS.name(), i -> group("t" + i + "@r0", "gsm8k", List.of(cluster("1", 2, true))),
                EastTopics.TRAIN_METRICS.name(), i -> step(null, i + 1, 0.5, 1.0),
                EastTopics.EVAL.name(), i -> eval(null, i + 1, 0.5),
                EastTopics.MODEL_VERSIONS.name(), i -> version(null, i + 1, "file:///ckpt/v" + (i + 1)));
        return good.entrySet().stream().flatMap(topic -> Stream.of(1L, 2L)
                .map(seed -> Arguments.of(topic.getKey(), topic.getValue(), seed)));
    }

    @ParameterizedTest(name = "{0}, seed {2}")
    @MethodSource("topicsAndSeeds")
    void everyRecordThatDoesNotDecodeIsSkippedAndCountedAndTheRecordsAroundItAreShown(String topic,
            LongFunction<SpecificRecord> good, long seed) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DashboardState state = new DashboardState(List.of(EastTopics.MAIN_KEY), 100, 100);
        List<DashboardEvent> events = new ArrayList<>();
        state.subscribe(events::add);
        RecordRouter router = new RecordRouter(new FollowedTopics(List.of()), state, new DashboardMeters(registry));

        List<BadPayload> bad = BadPayload.ofKinds(BAD, good.apply(99), seed);
        long offset = 0;
        for (int i = 0; i < bad.size(); i++) {
            router.route(record(topic, offset++, encode(good.apply(i))));
            router.route(record(topic, offset++, bad.get(i).value()));
        }
        router.route(record(topic, offset, encode(good.apply(bad.size()))));

        assertThat(registry.get("east.dashboard.records.skipped").tag("topic", topic).counter().count())
                .isEqualTo(bad.size());
        assertThat(registry.get("east.dashboard.records").tag("topic", topic).counter().count())
                .isEqualTo(bad.size() + 1);
        assertThat(events).as("one update per good record").hasSize(bad.size() + 1);
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, long offset, byte[] value) {
        return new ConsumerRecord<>(topic, 0, offset, null, value);
    }

    private static byte[] encode(SpecificRecord record) {
        @SuppressWarnings("unchecked")
        AvroSerde<SpecificRecord> serde = (AvroSerde<SpecificRecord>) EastSerdes.forType(record.getClass());
        return serde.serialize(record);
    }
}
