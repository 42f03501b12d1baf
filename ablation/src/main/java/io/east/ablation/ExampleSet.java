package io.east.ablation;

import io.east.model.train.LossKind;
import io.east.schemas.WeightedExample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The examples every config trains on: the kept tasks that every config's replay emitted (all of them, unless a
 * window scope held a tail back), in log order, the first {@code limit} of them. DPO also needs a rejected response,
 * so for DPO a task without one is left out for every config. Only the weights differ between configs.
 *
 * @param taskIds the chosen tasks in log order
 * @param leftOut kept tasks not trained on (emitted by only some configs, no rejected response, over the limit)
 */
public record ExampleSet(List<String> taskIds, int leftOut) {

    public ExampleSet {
        taskIds = List.copyOf(taskIds);
    }

    /**
     * @param weighted each config's examples by task id
     * @param limit null for all
     */
    public static ExampleSet of(List<KeptTask> kept, List<Map<String, WeightedExample>> weighted, LossKind loss,
            Integer limit) {
        List<String> ids = new ArrayList<>();
        for (KeptTask task : kept) {
            String id = task.taskId();
            boolean everywhere = weighted.stream().allMatch(examples -> examples.containsKey(id));
            boolean usable = everywhere && (loss == LossKind.SFT
                    || weighted.stream().allMatch(examples -> examples.get(id).getRejected() != null));
            if (usable && (limit == null || ids.size() < limit)) {
                ids.add(id);
            }
        }
        return new ExampleSet(ids, kept.size() - ids.size());
    }

    public int size() {
        return taskIds.size();
    }

    /** One config's examples, in this set's order. */
    public List<WeightedExample> examples(Map<String, WeightedExample> weighted) {
        return taskIds.stream().map(id -> Objects.requireNonNull(weighted.get(id), id)).toList();
    }
}
