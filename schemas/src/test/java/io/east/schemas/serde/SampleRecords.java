package io.east.schemas.serde;

import io.east.schemas.AnswerCluster;
import io.east.schemas.DeadLetter;
import io.east.schemas.EvalResult;
import io.east.schemas.GroupSummary;
import io.east.schemas.Histogram;
import io.east.schemas.ModelVersion;
import io.east.schemas.QuestionTask;
import io.east.schemas.ReasoningSample;
import io.east.schemas.TrainMetrics;
import io.east.schemas.WeightStats;
import io.east.schemas.WeightedExample;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One record of every type with every field set, and one with every nullable field null and collections empty. */
public final class SampleRecords {

    static final Instant CREATED_AT = Instant.parse("2025-03-14T15:09:26.535Z");
    /** Unicode, quotes, a newline and markup, to catch any layer that mangles text. */
    static final String AWKWARD_TEXT = "Let x = \"½\" —\nthen <b>x</b> ≈ 0.5 😀 & \\boxed{\\frac{1}{2}}";

    private SampleRecords() {
    }

    public static List<SpecificRecord> full() {
        return List.of(
                QuestionTask.newBuilder().setTaskId("gsm8k-17-r2").setQuestionId("gsm8k-17").setDataset("gsm8k")
                        .setRound(2).setQuestion(AWKWARD_TEXT).setGoldAnswer("1/2").setN(8).setLevel("Level 3")
                        .setCreatedAt(CREATED_AT).build(),
                ReasoningSample.newBuilder().setTaskId("gsm8k-17-r2").setQuestionId("gsm8k-17").setDataset("gsm8k")
                        .setRound(2).setSampleIndex(5).setN(8).setQuestion(AWKWARD_TEXT)
                        .setResponse("We compute... \\boxed{1/2}").setPredictedAnswer("1/2").setGoldAnswer("1/2")
                        .setCorrect(true).setPolicyVersion(3).setGenerator("openai:qwen2.5-math-1.5b")
                        .setCreatedAt(CREATED_AT).setTokenCount(212).setMeanLogprob(-0.3125).setContainsBoxed(true)
                        .build(),
                GroupSummary.newBuilder().setTaskId("gsm8k-17-r2").setQuestionId("gsm8k-17").setDataset("gsm8k")
                        .setRound(2).setNExpected(8).setNReceived(8)
                        .setClusters(List.of(
                                AnswerCluster.newBuilder().setAnswer("1/2").setCount(5).setCorrect(true).build(),
                                AnswerCluster.newBuilder().setAnswer("2").setCount(2).setCorrect(false).build(),
                                AnswerCluster.newBuilder().setAnswer(null).setCount(1).setCorrect(false).build()))
                        .setEntropy(1.298794941).setAccuracy(0.625).setRejectedShare(0.25).setKept(true)
                        .setDiscardReason("none").setChosenIndex(0).setRejectedIndex(3)
                        .setPolicyVersions(List.of(2L, 3L)).setClustering("equivalent").setCompletedBy("count")
                        .setCreatedAt(CREATED_AT).build(),
                WeightedExample.newBuilder().setTaskId("gsm8k-17-r2").setQuestionId("gsm8k-17").setDataset("gsm8k")
                        .setRound(2).setPrompt(AWKWARD_TEXT).setChosen("... \\boxed{1/2}").setRejected("... 2")
                        .setWeight(1.17).setSignal(1.298794941).setEntropy(1.298794941).setAccuracy(0.625)
                        .setRejectedShare(0.25).setStrategy("entropy").setAlpha(0.5).setScope("window:64")
                        .setScopeId("window-17").setNormaliser(1.04).setPolicyVersion(3).setExperiment("ablation-1")
                        .setCreatedAt(CREATED_AT).build(),
                WeightStats.newBuilder().setExperiment("ablation-1").setScope("window:64").setScopeId("window-17")
                        .setWindowIndex(17).setStrategy("entropy").setAlpha(0.5).setKept(64)
                        .setDiscarded(Map.of("all_correct", 12, "all_wrong", 3))
                        .setEntropyHistogram(Histogram.newBuilder().setLower(0).setUpper(3)
                                .setCounts(List.of(4, 10, 30, 20)).build())
                        .setWeightHistogram(Histogram.newBuilder().setLower(0.1).setUpper(2.5)
                                .setCounts(List.of(1, 2, 3)).build())
                        .setWeightMean(1.0).setWeightMin(0.1).setWeightMax(2.5)
                        .setWeightQuantiles(Map.of("p10", 0.4, "p25", 0.7, "p50", 1.0, "p75", 1.3, "p90", 1.8))
                        .setNormaliser(1.04).setCreatedAt(CREATED_AT).build(),
                ModelVersion.newBuilder().setVersion(4).setCheckpointUri("file:///data/ckpt/v4").setStep(1200)
                        .setParentVersion(3L).setExamplesSeen(76_800).setLoss("dpo").setExperiment("ablation-1")
                        .setCreatedAt(CREATED_AT).build(),
                TrainMetrics.newBuilder().setStep(1200).setModelVersion(5).setLoss(0.6931).setWeightedLoss(0.71)
                        .setMeanWeight(1.0).setGradNorm(Double.NaN).setTokensPerSecond(Double.POSITIVE_INFINITY)
                        .setExamplesSeen(76_800).setHeldBack(7).setLearningRate(1e-6).setLossType("dpo")
                        .setExperiment("ablation-1").setCreatedAt(CREATED_AT).build(),
                EvalResult.newBuilder().setModelVersion(4).setCheckpointUri("file:///data/ckpt/v4").setDataset("math")
                        .setSplit("test").setQuestions(500).setPassAt1(0.412).setPassAt1CiLow(0.369)
                        .setPassAt1CiHigh(0.456).setSamplesPerQuestion(4).setMajAtN(0.47).setExperiment("ablation-1")
                        .setCreatedAt(CREATED_AT).build(),
                DeadLetter.newBuilder().setSourceTopic("east.samples").setSourcePartition(3).setSourceOffset(1L << 40)
                        .setKey(ByteBuffer.wrap("gsm8k-17-r2".getBytes(StandardCharsets.UTF_8)))
                        .setValue(ByteBuffer.wrap(new byte[] {(byte) 0xC3, 0x01, 0, -1, 127, -128}))
                        .setReason("undecodable").setDetail(AWKWARD_TEXT).setComponent("streams:main")
                        .setCreatedAt(CREATED_AT).build());
    }

    private static Histogram emptyHistogram() {
        return Histogram.newBuilder().setLower(0).setUpper(0).setCounts(List.of()).build();
    }

    public static List<SpecificRecord> sparse() {
        return List.of(
                QuestionTask.newBuilder().setTaskId("").setQuestionId("").setDataset("").setRound(0).setQuestion("")
                        .setGoldAnswer("").setN(0).setCreatedAt(Instant.EPOCH).build(),
                ReasoningSample.newBuilder().setTaskId("t").setQuestionId("q").setDataset("d").setRound(-1)
                        .setSampleIndex(Integer.MAX_VALUE).setN(Integer.MIN_VALUE).setQuestion("q").setResponse("")
                        .setGoldAnswer("g").setCorrect(false).setPolicyVersion(Long.MIN_VALUE).setGenerator("g")
                        .setCreatedAt(Instant.ofEpochMilli(-1)).setTokenCount(0).build(),
                GroupSummary.newBuilder().setTaskId("t").setQuestionId("q").setDataset("d").setRound(1).setNExpected(8)
                        .setNReceived(0).setClusters(List.of()).setEntropy(0).setAccuracy(0).setRejectedShare(0)
                        .setKept(false).setPolicyVersions(List.of()).setClustering("exact").setCompletedBy("timeout")
                        .setCreatedAt(CREATED_AT).build(),
                WeightedExample.newBuilder().setTaskId("t").setQuestionId("q").setDataset("d").setRound(1)
                        .setPrompt("p").setChosen("c").setWeight(0).setSignal(1).setEntropy(0).setAccuracy(1)
                        .setRejectedShare(0).setStrategy("uniform").setAlpha(0).setScope("fixed:1.3").setScopeId("all")
                        .setNormaliser(Double.MIN_VALUE).setPolicyVersion(0).setCreatedAt(CREATED_AT).build(),
                WeightStats.newBuilder().setScope("dataset").setScopeId("gsm8k").setWindowIndex(0)
                        .setStrategy("uniform").setAlpha(-0.0).setKept(0).setDiscarded(Map.of())
                        .setEntropyHistogram(emptyHistogram())
                        .setWeightHistogram(emptyHistogram())
                        .setWeightMean(Double.NaN).setWeightMin(Double.NEGATIVE_INFINITY)
                        .setWeightMax(Double.MAX_VALUE).setWeightQuantiles(Map.of()).setNormaliser(1)
                        .setCreatedAt(CREATED_AT).build(),
                ModelVersion.newBuilder().setVersion(0).setCheckpointUri("base").setStep(0).setCreatedAt(CREATED_AT)
                        .build(),
                TrainMetrics.newBuilder().setStep(1).setModelVersion(1).setLoss(0).setWeightedLoss(0).setMeanWeight(0)
                        .setGradNorm(0).setTokensPerSecond(0).setExamplesSeen(0).setLearningRate(0)
                        .setCreatedAt(CREATED_AT).build(),
                EvalResult.newBuilder().setModelVersion(0).setCheckpointUri("base").setDataset("gsm8k").setSplit("test")
                        .setQuestions(0).setPassAt1(0).setPassAt1CiLow(0).setPassAt1CiHigh(0).setCreatedAt(CREATED_AT)
                        .build(),
                DeadLetter.newBuilder().setSourceTopic("east.questions").setSourcePartition(0).setSourceOffset(0)
                        .setReason("invalid").setDetail("").setComponent("cli").setCreatedAt(CREATED_AT).build());
    }
}
