package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.cli.common.SamplingOptions;
import io.east.cli.common.TrainingOptions;
import io.east.cli.common.WeightingOptions;
import io.east.core.weight.Scope;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A mixin shared by commands whose defaults differ takes each command's own default, both in the value a run gets
 * and in --help (an annotation defaultValue on the mixin would silently win over them).
 */
class SharedOptionDefaultsTest {

    @Test
    void streamsAndWeightsKeepTheirOwnDefaultScope() {
        assertThat(mixin(WeightingOptions.class, "weighting", "streams").scope()).isEqualTo(new Scope.Window(64));
        assertThat(mixin(WeightingOptions.class, "weighting", "weights", "-i", "in.jsonl", "--format", "samples")
                .scope()).isEqualTo(new Scope.Dataset());
        assertThat(help("streams")).contains("(default: window:64)");
        assertThat(help("weights")).contains("(default: dataset)");
    }

    @Test
    void samplingCommandsKeepTheirOwnTokenBudget() {
        assertThat(mixin(SamplingOptions.class, "sampling", "generate", "--backend", "djl").maxNewTokens())
                .isEqualTo(512);
        assertThat(mixin(SamplingOptions.class, "sampling", "eval", "--dataset", "synthetic").maxNewTokens())
                .isEqualTo(512);
        assertThat(mixin(SamplingOptions.class, "sampling", "sample", "--model", "m", "--dataset", "synthetic", "-o",
                "out.jsonl").maxNewTokens()).isEqualTo(96);
        assertThat(help("sample")).contains("Most tokens per response (default: 96)");
    }

    @Test
    void trainAndAblateKeepTheirOwnSchedules() {
        TrainingOptions train = mixin(TrainingOptions.class, "training", "train", "--loss", "sft", "--init", "i",
                "--checkpoint-dir", "c");
        TrainingOptions ablate = mixin(TrainingOptions.class, "training", "ablate", "--samples", "s.jsonl",
                "--init", "i");
        assertThat(train.batchSize()).isEqualTo(16);
        assertThat(train.warmup()).isEqualTo(10);
        assertThat(ablate.batchSize()).isEqualTo(16);
        assertThat(ablate.warmup()).isEqualTo(5);
        assertThat(help("ablate")).contains("after (default: 5)");
    }

    @Test
    void aGivenValueWinsOverTheCommandsDefault() {
        assertThat(mixin(WeightingOptions.class, "weighting", "streams", "--scope", "ema:0.5").scope())
                .isEqualTo(new Scope.Ema(0.5));
        assertThat(mixin(TrainingOptions.class, "training", "train", "--loss", "sft", "--init", "i",
                "--checkpoint-dir", "c", "--warmup", "3").warmup()).isEqualTo(3);
    }

    /** The named mixin of a subcommand after parsing {@code args}. */
    private static <T> T mixin(Class<T> type, String name, String command, String... args) {
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(List.of(args));
        CommandLine.ParseResult parsed = EastCommand.commandLine().parseArgs(line.toArray(String[]::new));
        return type.cast(parsed.subcommand().commandSpec().mixins().get(name).userObject());
    }

    private static String help(String command) {
        StringWriter out = new StringWriter();
        EastCommand.commandLine().getSubcommands().get(command).usage(new PrintWriter(out));
        // Help wraps lines; the phrases checked here must not depend on where.
        return out.toString().replaceAll("\\s+", " ");
    }
}
