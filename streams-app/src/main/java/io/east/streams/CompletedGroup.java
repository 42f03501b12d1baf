package io.east.streams;

import io.east.schemas.GroupSummary;
import io.east.schemas.WeightedExample;

/**
 * What the grouper hands to the weigher inside one task (never serialised): the summary, and for a kept group its
 * training example with the weight still to be set.
 *
 * @param example null when the group was discarded
 */
record CompletedGroup(GroupSummary summary, WeightedExample example) {

    boolean kept() {
        return example != null;
    }
}
