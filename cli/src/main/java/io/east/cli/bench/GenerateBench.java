package io.east.cli.bench;

import io.east.cli.common.ExitCodes;
import io.east.bench.generate.DjlGenerationBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Throughput of the DJL generator backend, as the bench module's DjlGenerationBench measures it. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Measure the DJL generator backend in samples/s and tokens/s on a fresh demo-sized model "
                + "(d=128, 4 layers, ~0.8M parameters, character tokenizer), as a worker drives it: one batched call "
                + "per batch of tasks, n samples per task, prompts from the synthetic test split.",
            "Set OMP_WAIT_POLICY=PASSIVE when other processes share the cores (./east does)."})
public final class GenerateBench implements Callable<Integer> {

    @Mixin
    private GenerationLoadOptions load;

    @Override
    public Integer call() throws Exception {
        DjlGenerationBench.run(System.out, load.load());
        return ExitCodes.OK;
    }
}
