package io.east.cli.bench;

import io.east.cli.common.UsageException;
import io.east.model.LlamaConfig;
import io.east.bench.model.TrainingShapeBench;
import java.util.TreeSet;

/** The model shapes the benches know by name (--size). */
final class ModelSizes {

    private ModelSizes() {
    }

    static LlamaConfig named(String size) {
        LlamaConfig config = TrainingShapeBench.SIZES.get(size);
        if (config == null) {
            throw new UsageException("--size must be one of " + new TreeSet<>(TrainingShapeBench.SIZES.keySet())
                    + ", got '" + size + "'");
        }
        return config;
    }
}
