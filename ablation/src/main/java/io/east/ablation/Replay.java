package io.east.ablation;

import io.east.core.weight.Scope;
import io.east.schemas.WeightedExample;
import java.util.Map;

/** Weighs the whole sample log under one config: the batch path for a file, the streams app for a topic. */
public interface Replay extends AutoCloseable {

    /** The weighted examples of the kept tasks, by task id, exactly as a trainer would consume them. */
    Map<String, WeightedExample> weigh(AblationConfig config, Scope scope) throws InterruptedException;

    /** For results.md: how the weights were made. */
    String describe();

    @Override
    default void close() {
    }
}
