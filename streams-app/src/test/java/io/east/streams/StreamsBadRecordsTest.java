package io.east.streams;

import static io.east.streams.TestSamples.sample;
import static io.east.streams.TestSamples.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.east.schemas.DeadLetter;
import io.east.schemas.GroupSummary;
import io.east.schemas.ReasoningSample;
import io.east.schemas.WeightedExample;
import io.east.schemas.serde.BadPayload;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad sample, each in the middle of a good task: it becomes a dead letter, and the tasks complete. */
class StreamsBadRecordsTest {

    /** Under the 1 MB that a topic and a producer take by default: a larger dead letter could not be written. */
    private static final int DEFAULT_RECORD_LIMIT = 1_000_000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void eachBadSampleIsDeadLetteredWithItsCoordinatesAndEveryTaskAroundItCompletes(long seed) throws Exception {
        ReasoningSample template = sample("bad", 0, 2, "5", true);
        List<BadPayload> bad = BadPayload.everyKind(template, seed);
        Map<Long, BadPayload> badAt = new LinkedHashMap<>();
        List<String> good = new ArrayList<>();
        try (TopologyFixture app = new TopologyFixture(TopologyFixture.entropyWindow(1))) {
            long offset = 0;
            for (BadPayload payload : bad) {
                // Keyed by the template's task id, so the record that decodes is refused for its size alone.
                List<ReasoningSample> around = task("good-" + good.size(), "5+", "7-");
                good.add(around.get(0).getTaskId());
                app.pipe(around.get(0));
                app.pipeRaw(template.getTaskId(), payload.value());
                badAt.put(offset + 1, payload);
                app.pipe(around.get(1));
                offset += 3;
            }

            List<DeadLetter> letters = app.dlq.readValuesToList();
            assertThat(letters).extracting(DeadLetter::getSourceOffset).containsExactlyElementsOf(badAt.keySet());
            for (DeadLetter letter : letters) {
                BadPayload payload = badAt.get(letter.getSourceOffset());
                assertThat(letter.getSourceTopic()).as(payload.toString()).isEqualTo(EastTopics.SAMPLES.name());
                assertThat(letter.getSourcePartition()).as(payload.toString()).isZero();
                assertThat(letter.getReason()).as(payload.toString())
                        .isEqualTo(payload.kind().decodes() ? "invalid" : "undecodable");
                assertThat(EastSerdes.deadLetter().serialize(letter)).as(payload.toString())
                        .hasSizeLessThan(DEFAULT_RECORD_LIMIT);
                if (payload.value() == null) {
                    assertThat(letter.getValue()).as(payload.toString()).isNull();
                } else {
                    assertThat(payload.value()).as("the letter keeps the bytes, or their start")
                            .startsWith(bytes(letter.getValue()));
                }
            }
            assertThat(app.groups.readValuesToList()).extracting(GroupSummary::getTaskId)
                    .containsExactlyElementsOf(good);
            assertThat(app.weightedExamples()).extracting(WeightedExample::getTaskId)
                    .containsExactlyElementsOf(good);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
