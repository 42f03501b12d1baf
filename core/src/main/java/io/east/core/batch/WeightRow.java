package io.east.core.batch;

import io.east.core.group.GroupAnalysis;
import io.east.core.weight.NormalisedWeight;
import java.util.Optional;

/**
 * The batch result for one question task.
 *
 * @param signal the strategy's signal (h, 1 - A, R or 1)
 * @param weight present for kept tasks only
 */
public record WeightRow(QuestionGroup group, GroupAnalysis analysis, double signal, Optional<NormalisedWeight> weight) {
}
