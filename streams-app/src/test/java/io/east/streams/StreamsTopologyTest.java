package io.east.streams;

import static io.east.streams.TestSamples.sample;
import static io.east.streams.TestSamples.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.east.core.batch.WeightingSettings;
import io.east.core.group.Clustering;
import io.east.core.group.SelectionRules;
import io.east.core.weight.Scope;
import io.east.core.weight.WeightStrategy;
import io.east.schemas.AnswerCluster;
import io.east.schemas.DeadLetter;
import io.east.schemas.GroupSummary;
import io.east.schemas.ReasoningSample;
import io.east.schemas.WeightStats;
import io.east.schemas.WeightedExample;
import io.east.schemas.serde.EastSerdes;
import io.east.schemas.state.ArrivedSample;
import io.east.schemas.state.OpenGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The streams app's rules, told as stories: pipe these samples, expect those records. */
class StreamsTopologyTest {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    /** Entropy of the answers {5, 5, 7, -}: 0.5 + 0.25*2 + 0.25*2 = 1.5 bits. */
    private static List<ReasoningSample> uncertainTask(String taskId) {
        return task(taskId, "5+", "5+", "7-", null);
    }

    private static OpenGroup openGroup(TopologyFixture app, String taskId) {
        byte[] stored = app.driver.<String, byte[]>getKeyValueStore(StreamsTopology.OPEN_GROUPS).get(taskId);
        return stored == null ? null : EastSerdes.forType(OpenGroup.class).deserialize(stored);
    }

    @Nested
    class Grouping {

        @Test
        void aTaskCompletesWhenAllNSamplesHaveArrivedInAnyOrder() throws Exception {
            try (TopologyFixture app = new TopologyFixture(TopologyFixture.settings(
                    WeightStrategy.ENTROPY, 1, new Scope.Fixed(1)))) {
                List<ReasoningSample> samples = new ArrayList<>(uncertainTask("t1"));
                Collections.shuffle(samples, new Random(1));
                app.pipeAll(samples.subList(0, 3));
                assertThat(app.groups.isEmpty()).isTrue();

                app.pipe(samples.get(3));

                GroupSummary summary = app.groups.readValue();
                assertThat(summary.getTaskId()).isEqualTo("t1");
                assertThat(summary.getNReceived()).isEqualTo(4);
                assertThat(summary.getNExpected()).isEqualTo(4);
                assertThat(summary.getCompletedBy()).isEqualTo("count");
                assertThat(summary.getEntropy()).isCloseTo(1.5, within(1e-12));
                assertThat(summary.getAccuracy()).isEqualTo(0.5);
                assertThat(summary.getRejectedShare()).isEqualTo(0.25);
                assertThat(summary.getKept()).isTrue();
                assertThat(summary.getClusters()).extracting(AnswerCluster::getAnswer).containsExactly("5", "7", null);
                assertThat(summary.getChosenIndex()).isIn(0, 1);
                assertThat(summary.getRejectedIndex()).isEqualTo(2);
                assertThat(summary.getPolicyVersions()).containsExactly(0L, 1L);

                WeightedExample example = app.weighted.readValue();
                assertThat(example.getTaskId()).isEqualTo("t1");
                assertThat(example.getWeight()).isCloseTo(1.5, within(1e-12));
                assertThat(example.getPrompt()).isEqualTo("What is the answer to t1?");
                assertThat(example.getChosen()).contains("\\boxed{5}");
                assertThat(example.getRejected()).contains("\\boxed{7}");
                assertThat(example.getPolicyVersion()).isEqualTo(1L);
            }
        }

        @Test
        void anIdleTaskCompletesAfterTheTimeoutWithTheSamplesItHas() throws Exception {
            try (TopologyFixture app = new TopologyFixture(TopologyFixture.entropyWindow(1))) {
                app.pipeAll(uncertainTask("t1").subList(0, 3));
                app.advanceWallClock(Duration.ofSeconds(30));
                assertThat(app.groups.isEmpty()).as("not idle long enough").isTrue();

                app.advanceWallClock(Duration.ofSeconds(31));

                GroupSummary summary = app.groups.readValue();
                assertThat(summary.getCompletedBy()).isEqualTo("timeout");
                assertThat(summary.getNReceived()).isEqualTo(3);
                assertThat(summary.getNExpected()).isEqualTo(4);
                assertThat(summary.getEntropy()).isCloseTo(-(2 / 3.0 * Math.log(2 / 3.0) + 1 / 3.0 * Math.log(1 / 3.0))
                        / Math.log(2), within(1e-12));
                assertThat(app.weighted.readValue().getWeight()).isEqualTo(1.0);
            }
        }

        @Test
        void aTimedOutTaskWithFewerThanTheMinimumIsDiscardedAsIncomplete() throws Exception {
            try (TopologyFixture app = new TopologyFixture(TopologyFixture.entropyWindow(1))) {
                app.pipe(uncertainTask("t1").get(0));
                app.advanceWallClock(Duration.ofSeconds(61));

                GroupSummary summary = app.groups.readValue();
                assertThat(summary.getKept()).isFalse();
                assertThat(summary.getDiscardReason()).isEqualTo("incomplete");
                assertThat(summary.getNReceived()).isEqualTo(1);
                assertThat(app.weighted.isEmpty()).isTrue();
            }
        }

        @Test
        void anOpenTaskIsOneRecordHoldingItsSamplesAsTheBytesTheyArrivedAs() throws Exception {
            try (TopologyFixture app = new TopologyFixture(TopologyFixture.entropyWindow(1))) {
                List<ReasoningSample> samples = uncertainTask("t1");
                app.pipeAll(samples.subList(0, 2));

                OpenGroup group = openGroup(app, "t1");
                assertThat(group.getReceived()).isEqualTo(2);
                assertThat(group.getSamples()).extracting(ArrivedSample::getSampleIndex).containsExactly(0, 1);
                assertThat(ArrivedSamples.bytes(group.getSamples().get(1)))
                        .isEqualTo(EastSerdes.reasoningSample().serialize(samples.get(1)));

                app.pipeAll(samples.subList(2, 4));

                assertThat(app.groups.readValue().getNReceived()).isEqualTo(4);
                assertThat(app.driver.getKeyValueStore(StreamsTopology.OPEN_GROUPS).get("t1"))
                        .as("a task leaves the store when it completes").isNull();
            }
        }

        @Test
        void aRepeatedSampleIndexIsIgnored() throws Exception {
            try (TopologyFixture app = new TopologyFixture(TopologyFixture.entropyWindow(1))) {
                List<ReasoningSample> samples = uncertainTask("t1");
                app.pipe(samples.get(0));
                app.pipe(samples.get(0));
                app.pipe(samples.get(1));
                app.pipe(samples.get(2));
                assertThat(app.groups.isEmpty()).as("three distinct samples of four").isTrue();
                app.pipe(samples.get(3));

                assertThat(app.groups.readValue().getNReceived()).isEqualTo(4);
                assertThat(app.dlq.isEmpty()).isTrue();
            }
        }

        @Test
        void aSampleOfACompletedTaskIsCountedAsLate() throws Exception {
            try (TopologyFixture app = new TopologyFixture(TopologyFixture.entropyWindow(1))) {
                app.pipeAll(uncertainTask("t1"));
                app.groups.readValue();

                app.pipe(sample("t1", 2, 4, "9", false));

                DeadLetter letter = app.dlq.readValue();
                assertThat(letter.getReason()).isEqualTo("late");
                assertThat(letter.getDetail()).contains("t1").contains("sample_index 2");
                assertThat(letter.getSourceTopic()).isEqualTo("east.samples");
                assertThat(letter.getSourceOffset()).isEqualTo(4);
                assertThat(letter.getComponent()).isEqualTo("streams:main");
                assertThat(EastSerdes.reasoningSample().deserialize(letter.getValue().array()).getPredictedAnswer())
                        .isEqualTo("9");
                assertThat(app.groups.isEmpty()).as("no second group").isTrue();
            }
        }

        @Test
        void discardedTasksPublishASummaryButNoExample() throws Exception {
            try (TopologyFixture app = new TopologyFixture(TopologyFixture.entropyWindow(1))) {
                app.pipeAll(task("all-right", "5+", "5+"));
                app.pipeAll(task("all-wrong", "7-", "8-"));

                assertThat(app.groups.readValuesToList()).extracting(GroupSummary::getDiscardReason)
                        .containsExactly("all_correct", "no_correct");
                assertThat(app.weighted.isEmpty()).isTrue();
            }
        }
    }

    @Nested
    class Scopes {

        @Test
        void windowScopeHoldsKExamplesThenEmitsThemWithMeanWeightOne() throws Exception {
            try (TopologyFixture app = new TopologyFixture(TopologyFixture.entropyWindow(3))) {
                app.pipeAll(task("a", "5+", "7-"));               // h = 1
                app.pipeAll(task("b", "5+", "5+"));               // discarded: all correct
                app.pipeAll(task("c", "5+", "7-", "8-"));         // h = log2 3
                assertThat(app.weighted.isEmpty()).as("window not full").isTrue();
                app.pipeAll(uncertainTask("d"));                  // h = 1.5

                List<WeightedExample> examples = app.weightedExamples();
                assertThat(examples).extracting(WeightedExample::getTaskId).containsExactly("a", "c", "d");
                double mean = (1 + LOG2_3 + 1.5) / 3;
                assertThat(examples.get(0).getWeight()).isCloseTo(1 / mean, within(1e-12));
                assertThat(examples.get(1).getWeight()).isCloseTo(LOG2_3 / mean, within(1e-12));
                assertThat(examples.get(2).getWeight()).isCloseTo(1.5 / mean, within(1e-12));
                assertThat(examples.stream().mapToDouble(WeightedExample::getWeight).sum() / 3)
                        .isCloseTo(1.0, within(1e-15));
                assertThat(examples).allSatisfy(example -> {
                    assertThat(example.getScope()).isEqualTo("window:3");
                    assertThat(example.getScopeId()).isEqualTo("p0/window-0");
                    assertThat(example.getNormaliser()).isCloseTo(mean, within(1e-12));
                });

                WeightStats stats = app.stats.readValue();
                assertThat(stats.getScopeId()).isEqualTo("p0/window-0");
                assertThat(stats.getKept()).isEqualTo(3);
                assertThat(stats.getDiscarded()).containsEntry("all_correct", 1);
                assertThat(stats.getWeightMean()).isCloseTo(1.0, within(1e-12));
                assertThat(stats.getNormaliser()).isCloseTo(mean, within(1e-12));
                assertThat(stats.getEntropyHistogram().getCounts().stream().mapToInt(Integer::intValue).sum())
                        .isEqualTo(3);

                app.pipeAll(task("e", "5+", "7-"));
                app.pipeAll(task("f", "5+", "7-"));
                app.pipeAll(task("g", "5+", "7-"));
                assertThat(app.weightedExamples()).extracting(WeightedExample::getScopeId)
                        .containsOnly("p0/window-1");
                WeightStats second = app.stats.readValue();
                assertThat(second.getWindowIndex()).isEqualTo(1);
                assertThat(second.getDiscarded()).isEmpty();
            }
        }

        @Test
        void aPartlyFilledWindowClosesAfterTheWindowTimeoutWithMeanWeightOneOverWhatItHolds() throws Exception {
            StreamsSettings base = TopologyFixture.entropyWindow(4);
            StreamsSettings settings = new StreamsSettings(null, base.weighting(), base.groupTimeout(),
                    base.minSamples(), base.lateRetention(), base.statsEvery(), Duration.ofMinutes(5));
            try (TopologyFixture app = new TopologyFixture(settings)) {
                app.pipeAll(task("a", "5+", "7-"));               // h = 1
                app.advanceWallClock(Duration.ofMinutes(3));
                app.pipeAll(task("b", "5+", "7-", "8-"));         // h = log2 3
                app.advanceWallClock(Duration.ofMinutes(4));
                assertThat(app.weighted.isEmpty()).as("4 min since the last kept group").isTrue();

                app.advanceWallClock(Duration.ofMinutes(2));

                List<WeightedExample> examples = app.weightedExamples();
                assertThat(examples).extracting(WeightedExample::getTaskId).containsExactly("a", "b");
                assertThat(examples).extracting(WeightedExample::getScopeId).containsOnly("p0/window-0");
                double mean = (1 + LOG2_3) / 2;
                assertThat(examples.get(0).getWeight()).isCloseTo(1 / mean, within(1e-12));
                assertThat(examples.get(1).getWeight()).isCloseTo(LOG2_3 / mean, within(1e-12));
                WeightStats stats = app.stats.readValue();
                assertThat(stats.getKept()).isEqualTo(2);
                assertThat(stats.getWeightMean()).isCloseTo(1.0, within(1e-12));

                app.advanceWallClock(Duration.ofMinutes(10));
                assertThat(app.stats.isEmpty()).as("an empty window is not closed").isTrue();
                app.pipeAll(task("c", "5+", "7-"));
                app.advanceWallClock(Duration.ofMinutes(6));
                assertThat(app.weightedExamples()).singleElement().satisfies(example -> {
                    assertThat(example.getScopeId()).isEqualTo("p0/window-1");
                    assertThat(example.getWeight()).isCloseTo(1.0, within(1e-12));
                });
            }
        }

        @Test
        void withoutAWindowTimeoutAPartlyFilledWindowWaitsForItsKthGroup() throws Exception {
            try (TopologyFixture app = new TopologyFixture(TopologyFixture.entropyWindow(4))) {
                app.pipeAll(task("a", "5+", "7-"));
                app.advanceWallClock(Duration.ofDays(1));
                assertThat(app.weighted.isEmpty()).isTrue();
            }
        }

        @Test
        void emaScopeEmitsAtOnceDividedByTheRunningMean() throws Exception {
            try (TopologyFixture app = new TopologyFixture(TopologyFixture.settings(
                    WeightStrategy.ENTROPY, 1, new Scope.Ema(0.5)))) {
                app.pipeAll(task("a", "5+", "7-"));               // h = 1: mean 1, weight 1
                assertThat(app.weighted.readValue().getWeight()).isEqualTo(1.0);
                app.pipeAll(uncertainTask("b"));                  // h = 1.5: mean 1.25
                WeightedExample second = app.weighted.readValue();
                assertThat(second.getWeight()).isCloseTo(1.5 / 1.25, within(1e-12));
                assertThat(second.getNormaliser()).isCloseTo(1.25, within(1e-12));
                assertThat(second.getScope()).isEqualTo("ema:0.5");
            }
        }

        @Test
        void fixedScopeDividesByTheConstantAndReportsEveryStatsWindow() throws Exception {
            try (TopologyFixture app = new TopologyFixture(TopologyFixture.settings(
                    WeightStrategy.ENTROPY, 2, new Scope.Fixed(4)))) {
                for (String id : List.of("a", "b", "c", "d")) {
                    app.pipeAll(uncertainTask(id));
                }
                assertThat(app.weightedExamples()).extracting(WeightedExample::getWeight)
                        .containsOnly(2.25 / 4);
                WeightStats stats = app.stats.readValue();
                assertThat(stats.getKept()).isEqualTo(4);
                assertThat(stats.getNormaliser()).isEqualTo(4.0);
            }
        }

        @Test
        void underFixedAndEmaTheWindowStoreKeepsOnlyWhatTheStatsNeedOfAnEmittedExample() throws Exception {
            try (TopologyFixture app = new TopologyFixture(TopologyFixture.settings(
                    WeightStrategy.ENTROPY, 1, new Scope.Fixed(1)))) {
                app.pipeAll(uncertainTask("a"));
                WeightedExample emitted = app.weighted.readValue();
                assertThat(emitted.getChosen()).isNotEmpty();
                assertThat(emitted.getPrompt()).isNotEmpty();

                List<WeightedExample> held = new ArrayList<>();
                KeyValueStore<String, WeightedExample> window =
                        app.driver.getKeyValueStore(StreamsTopology.WINDOW_EXAMPLES);
                try (KeyValueIterator<String, WeightedExample> all = window.all()) {
                    all.forEachRemaining(entry -> held.add(entry.value));
                }
                assertThat(held).singleElement().satisfies(example -> {
                    assertThat(example.getPrompt()).isEmpty();
                    assertThat(example.getChosen()).isEmpty();
                    assertThat(example.getRejected()).isNull();
                    assertThat(example.getEntropy()).isEqualTo(emitted.getEntropy());
                    assertThat(example.getWeight()).isEqualTo(emitted.getWeight());
                    assertThat(example.getNormaliser()).isEqualTo(emitted.getNormaliser());
                });
            }
        }
    }

    @Nested
    class Strategies {

        /** Under fixed:1 and a = 1 the weight is the strategy's signal itself. */
        private double weightOf(WeightStrategy strategy, List<ReasoningSample> samples) throws Exception {
            try (TopologyFixture app = new TopologyFixture(TopologyFixture.settings(strategy, 1, new Scope.Fixed(1)))) {
                app.pipeAll(samples);
                WeightedExample example = app.weighted.readValue();
                assertThat(example.getStrategy()).isEqualTo(strategy.id());
                return example.getWeight();
            }
        }

        @Test
        void eachStrategyWeighsItsOwnSignal() throws Exception {
            // answers {5+, 7-, 7-, 8-}: h = 1.5, A = 0.25, R = 0.5
            List<ReasoningSample> samples = task("t", "5+", "7-", "7-", "8-");
            assertThat(weightOf(WeightStrategy.ENTROPY, samples)).isCloseTo(1.5, within(1e-12));
            assertThat(weightOf(WeightStrategy.ACCURACY, samples)).isEqualTo(0.75);
            assertThat(weightOf(WeightStrategy.REJECTED, samples)).isEqualTo(0.5);
            assertThat(weightOf(WeightStrategy.UNIFORM, samples)).isEqualTo(1.0);
        }

        @Test
        void equivalenceClusteringMergesEqualAnswers() throws Exception {
            StreamsSettings settings = new StreamsSettings(null, new WeightingSettings(WeightStrategy.ENTROPY, 1,
                    new Scope.Fixed(1), Clustering.EQUIVALENT, SelectionRules.STANDARD, 7),
                    Duration.ofSeconds(60), 2, Duration.ofHours(1), 4);
            try (TopologyFixture app = new TopologyFixture(settings)) {
                app.pipe(sample("t", 0, 3, "0.5", true));
                app.pipe(sample("t", 1, 3, "1/2", true));
                app.pipe(sample("t", 2, 3, "2", false));
                GroupSummary summary = app.groups.readValue();
                assertThat(summary.getClusters()).extracting(AnswerCluster::getCount).containsExactly(2, 1);
                assertThat(summary.getClustering()).isEqualTo("equivalent");
            }
        }
    }

    @Nested
    class DeadLetters {

        @Test
        void badRecordsGoToTheDeadLetterTopicAndTheAppKeepsRunning() throws Exception {
            try (TopologyFixture app = new TopologyFixture(TopologyFixture.entropyWindow(1))) {
                app.pipeRaw("x", "not avro".getBytes());
                app.pipeRaw("y", null);
                app.pipe(sample("bad-n", 0, 0, "5", true));
                app.pipe(sample("bad-index", 4, 4, "5", true));
                ReasoningSample wrongKey = sample("t-real", 0, 2, "5", true);
                app.pipeRaw("t-other", EastSerdes.reasoningSample().serialize(wrongKey));
                ReasoningSample nan = sample("nan", 0, 2, "5", true);
                nan.setMeanLogprob(Double.NaN);
                app.pipe(nan);
                app.pipe(sample("mixed", 0, 2, "5", true));
                app.pipe(sample("mixed", 1, 3, "7", false));

                List<DeadLetter> letters = app.dlq.readValuesToList();
                assertThat(letters).extracting(DeadLetter::getReason).containsExactly(
                        "undecodable", "undecodable", "invalid", "invalid", "invalid", "invalid", "invalid");
                assertThat(letters).extracting(DeadLetter::getDetail).satisfiesExactly(
                        detail -> assertThat(detail).contains("bad marker"),
                        detail -> assertThat(detail).contains("null value"),
                        detail -> assertThat(detail).contains("n must be in [1, 100000], got 0"),
                        detail -> assertThat(detail).contains("sample_index must be in [0, 4), got 4"),
                        detail -> assertThat(detail).contains("record key 't-other' differs from task_id 't-real'"),
                        detail -> assertThat(detail).contains("mean_logprob must be finite"),
                        detail -> assertThat(detail).contains("n=3 but task mixed expects n=2"));
                assertThat(letters).extracting(DeadLetter::getSourceOffset).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 7L);
                assertThat(new String(letters.get(0).getValue().array())).isEqualTo("not avro");
                assertThat(letters.get(1).getValue()).isNull();

                app.pipeAll(task("fine", "5+", "7-"));
                assertThat(app.groups.readValue().getTaskId()).isEqualTo("fine");
            }
        }
    }

    @Nested
    class Experiments {

        @Test
        void anExperimentWritesItsOwnTopicsAndLeavesEastGroupsToTheMainApp() throws Exception {
            StreamsSettings settings = new StreamsSettings("ablation-1", new WeightingSettings(WeightStrategy.ENTROPY,
                    2, new Scope.Window(1), Clustering.EXACT, SelectionRules.STANDARD, 7),
                    Duration.ofSeconds(60), 2, Duration.ofHours(1), 4);
            assertThat(settings.applicationId()).isEqualTo("east-streams-ablation-1");
            assertThat(settings.weightedTopic()).isEqualTo("east.weighted.ablation-1");
            try (TopologyFixture app = new TopologyFixture(settings)) {
                app.pipeAll(uncertainTask("t1"));
                WeightedExample example = app.weighted.readValue();
                assertThat(example.getExperiment()).isEqualTo("ablation-1");
                assertThat(example.getAlpha()).isEqualTo(2.0);
                assertThat(app.stats.readValue().getExperiment()).isEqualTo("ablation-1");
                assertThat(app.groups.isEmpty()).isTrue();
            }
        }
    }
}
