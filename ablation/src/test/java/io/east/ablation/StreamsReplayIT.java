package io.east.ablation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.east.core.group.Clustering;
import io.east.core.group.SelectionRules;
import io.east.core.weight.Scope;
import io.east.model.train.LossKind;
import io.east.producers.feed.DatasetSpec;
import io.east.schemas.ReasoningSample;
import io.east.schemas.WeightedExample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.topics.EastTopics;
import io.east.testkit.EmbeddedKafkaExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topic path on a real broker: the sample log published to east.samples and replayed by the streams app, one
 * experiment per config, gives the weights and choices the batch path computes from the same samples in a file,
 * because the default scope dataset is realised as fixed:C with C the mean of s^a over the log's kept questions.
 */
class StreamsReplayIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final String RUN_ID = "sr";

    @TempDir
    Path dir;

    @Test
    void theTopicPathGivesTheWeightsOfTheBatchPath() throws Exception {
        List<ReasoningSample> samples = TestLogs.mixedLog(2);
        publish(samples);
        Path file = TestLogs.write(dir.resolve("samples.jsonl"), samples);
        AblationSettings settings = new AblationSettings(
                new SampleSource.Topic(EastTopics.SAMPLES.name(), KAFKA.clientProps(), Duration.ofMinutes(2)),
                TestLogs.tinyCheckpoint(dir.resolve("init"), 5), AblationConfigs.parse("uniform; entropy:a=2"), 1,
                new TrainingPlan(LossKind.SFT, 1, null, 4, 5e-4, 0, 1.0, null),
                new EvalPlan(DatasetSpec.parse("synthetic:1"), "test", 4, 8, 8), Clustering.EXACT,
                SelectionRules.STANDARD, 0, dir.resolve("results"), RUN_ID, false, "east ablate (StreamsReplayIT)");

        AblationResults results = new Ablation(settings, AblationListener.NONE).run();

        BatchReplay batch = new BatchReplay(LogAnalysis.of(SampleFileLog.read(file), Clustering.EXACT,
                SelectionRules.STANDARD, 0));
        assertThat(results.log().source()).isEqualTo("topic east.samples");
        assertThat(results.log().tasks()).isEqualTo(14);
        assertThat(results.log().samples()).isEqualTo(samples.size());
        assertThat(results.log().kept()).isEqualTo(10);
        assertThat(results.log().examples()).isEqualTo(10);
        assertThat(results.weights()).hasSize(2);
        for (ConfigWeights weights : results.weights()) {
            AblationConfig config = weights.config();
            Map<String, WeightedExample> expected = batch.weigh(config, new Scope.Dataset());
            assertThat(weights.requestedScope()).isEqualTo(new Scope.Dataset());
            assertThat(weights.scope()).isInstanceOf(Scope.Fixed.class);
            assertThat(((Scope.Fixed) weights.scope()).constant()).as("C of %s", config)
                    .isCloseTo(expected.values().iterator().next().getNormaliser(), within(1e-12));
            assertThat(weights.examples()).extracting(WeightedExample::getTaskId)
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            assertThat(weights.examples()).allSatisfy(example -> {
                WeightedExample batchExample = expected.get(example.getTaskId());
                assertThat(example.getExperiment()).isEqualTo(StreamsReplay.experiment(config, RUN_ID));
                assertThat(example.getWeight()).as("%s %s", config, example.getTaskId())
                        .isCloseTo(batchExample.getWeight(), within(1e-12));
                assertThat(example.getEntropy()).isEqualTo(batchExample.getEntropy());
                assertThat(example.getChosen()).isEqualTo(batchExample.getChosen());
                assertThat(example.getRejected()).isEqualTo(batchExample.getRejected());
            });
            assertThat(weights.summary().mean()).as("mean weight of %s", config).isCloseTo(1.0, within(1e-12));
        }
        Set<Double> entropyWeights = new HashSet<>();
        results.weights().get(1).examples().forEach(e -> entropyWeights.add(e.getWeight()));
        assertThat(entropyWeights).as("entropy:a=2 weighs by entropy").hasSizeGreaterThan(1);

        assertThat(results.runs()).hasSize(2).allSatisfy(run -> {
            assertThat(run.training().trained()).isEqualTo(10);
            assertThat(run.training().checkpoint()).as("checkpoints are not kept").doesNotExist();
        });
        assertThat(results.runs().get(0).training().steps()).isEqualTo(results.runs().get(1).training().steps());
    }

    private static void publish(List<ReasoningSample> samples) throws Exception {
        try (KafkaProducer<String, ReasoningSample> producer = new KafkaProducer<>(KAFKA.producerProps(),
                new StringSerializer(), EastSerdes.reasoningSample().serializer())) {
            for (ReasoningSample sample : samples) {
                producer.send(new ProducerRecord<>(EastTopics.SAMPLES.name(), sample.getTaskId(), sample)).get();
            }
        }
    }
}
