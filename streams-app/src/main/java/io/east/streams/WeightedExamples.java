package io.east.streams;

import io.east.core.group.GroupAnalysis;
import io.east.core.weight.WeightFunction;
import io.east.schemas.ReasoningSample;
import io.east.schemas.WeightedExample;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The training example of a kept group. The streams app and the batch replay of an ablation both build it here, so
 * that the trainer gets the same record from either.
 */
public final class WeightedExamples {

    private WeightedExamples() {
    }

    /**
     * The example with weight 0 and no scope, until its scope normalises it.
     *
     * @param samples every sample of the group; the analysis' chosen and rejected indexes point into them
     */
    public static WeightedExample unweighed(Collection<ReasoningSample> samples, GroupAnalysis analysis,
            WeightFunction function, String experiment, Instant createdAt) {
        Map<Integer, ReasoningSample> byIndex = samples.stream()
                .collect(Collectors.toMap(ReasoningSample::getSampleIndex, Function.identity()));
        ReasoningSample chosen = byIndex.get(analysis.chosenIndex().orElseThrow(
                () -> new IllegalArgumentException("the group of " + samples.iterator().next().getTaskId()
                        + " is not kept")));
        ReasoningSample rejected = analysis.rejectedIndex().map(byIndex::get).orElse(null);
        long newestPolicy = samples.stream().mapToLong(ReasoningSample::getPolicyVersion).max().orElse(0);
        return WeightedExample.newBuilder()
                .setTaskId(chosen.getTaskId())
                .setQuestionId(chosen.getQuestionId())
                .setDataset(chosen.getDataset())
                .setRound(chosen.getRound())
                .setPrompt(chosen.getQuestion())
                .setChosen(chosen.getResponse())
                .setRejected(rejected == null ? null : rejected.getResponse())
                .setWeight(0.0)
                .setSignal(function.signal(analysis.entropy(), analysis.accuracy(), analysis.rejectedShare()))
                .setEntropy(analysis.entropy())
                .setAccuracy(analysis.accuracy())
                .setRejectedShare(analysis.rejectedShare())
                .setStrategy(function.strategy().id())
                .setAlpha(function.alpha())
                .setScope("")
                .setScopeId("")
                .setNormaliser(0.0)
                .setPolicyVersion(newestPolicy)
                .setExperiment(experiment)
                .setCreatedAt(createdAt)
                .build();
    }
}
