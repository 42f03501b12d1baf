package io.east.ablation;

import io.east.core.batch.WeightRow;
import io.east.core.weight.NormalisedWeight;
import io.east.core.weight.Scope;
import io.east.schemas.ReasoningSample;
import io.east.schemas.WeightedExample;
import java.time.Instant;

/**
 * The WeightedExample of a kept task weighed by the batch path: the same fields the streams app fills, so both
 * replays hand the trainer the same kind of record.
 */
final class ExampleRecords {

    private ExampleRecords() {
    }

    static WeightedExample of(LoggedTask task, WeightRow row, AblationConfig config, Scope scope) {
        NormalisedWeight weight = row.weight().orElseThrow(
                () -> new IllegalArgumentException("task " + task.taskId() + " is not kept"));
        ReasoningSample chosen = task.sample(row.analysis().chosenIndex().orElseThrow()).orElseThrow();
        String rejected = row.analysis().rejectedIndex().flatMap(task::sample).map(ReasoningSample::getResponse)
                .orElse(null);
        return WeightedExample.newBuilder()
                .setTaskId(task.taskId())
                .setQuestionId(chosen.getQuestionId())
                .setDataset(chosen.getDataset())
                .setRound(chosen.getRound())
                .setPrompt(chosen.getQuestion())
                .setChosen(chosen.getResponse())
                .setRejected(rejected)
                .setWeight(weight.weight())
                .setSignal(row.signal())
                .setEntropy(row.analysis().entropy())
                .setAccuracy(row.analysis().accuracy())
                .setRejectedShare(row.analysis().rejectedShare())
                .setStrategy(config.strategy().id())
                .setAlpha(config.alpha())
                .setScope(scope.id())
                .setScopeId(weight.scopeId())
                .setNormaliser(weight.normaliser())
                .setPolicyVersion(task.policyVersion())
                .setExperiment(null)
                .setCreatedAt(Instant.EPOCH)
                .build();
    }
}
