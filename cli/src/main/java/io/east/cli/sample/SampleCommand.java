package io.east.cli.sample;

import io.east.cli.common.CheckpointDirs;
import io.east.cli.common.DjlSamplingOptions;
import io.east.cli.common.ExitCodes;
import io.east.cli.common.Progress;
import io.east.cli.common.QuestionSourceOptions;
import io.east.cli.common.SamplingOptions;
import io.east.cli.common.Usage;
import io.east.cli.common.UsageException;
import io.east.producers.feed.DatasetSpec;
import io.east.producers.feed.LoadedQuestions;
import io.east.producers.feed.QuestionSource;
import io.east.producers.generate.PromptTemplate;
import io.east.producers.generate.SamplingParams;
import io.east.producers.generate.djl.DjlBackend;
import io.east.producers.generate.djl.DjlSettings;
import io.east.producers.generate.djl.LoadedPolicy;
import io.east.producers.samples.SampleFileReport;
import io.east.producers.samples.SampleFileWriter;
import io.east.producers.samples.SampleJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A sample log without Kafka: the DJL policy answers each question n times, graded as the generator grades. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false)
public final class SampleCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SampleCommand.class);

    @Option(names = "--model", paramLabel = "CKPT", required = true) private Path model;
    @Mixin private QuestionSourceOptions questions;
    @Option(names = "--n", paramLabel = "N", defaultValue = "8") private int n;
    @Option(names = {"-o", "--output"}, paramLabel = "F", required = true) private Path output;

    // The longest synthetic solution is about 50 characters.
    @Mixin private SamplingOptions sampling = SamplingOptions.withDefaultMaxNewTokens(96);
    @Option(names = "--round", paramLabel = "R", defaultValue = "0") private int round;
    @Mixin private DjlSamplingOptions djlSampling;

    @Override
    public Integer call() throws Exception {
        CheckpointDirs.checked(model, "--model");
        if (Files.isDirectory(output)) {
            throw new UsageException("--output is a directory: " + output);
        }
        DatasetSpec spec = questions.spec();
        QuestionSource source = questions.source(spec, null);
        SamplingParams params = sampling.params(SamplingParams.DEFAULT_STOP);
        SampleJob job = Usage.check(() -> new SampleJob(spec.name(), round, n, PromptTemplate.DEFAULT, params,
                SampleJob.DEFAULT_QUESTIONS_PER_CALL), "");
        DjlSettings djl = djlSampling.settings();
        long version = CheckpointDirs.version(model, "--model");

        LoadedQuestions loaded = source.load();
        loaded.errors().forEach(error -> LOG.error("{}", error));
        if (loaded.questions().isEmpty()) {
            LOG.error("{} has no questions to sample", spec);
            return ExitCodes.FAILED;
        }
        SampleFileReport report;
        try (DjlBackend backend = DjlBackend.fixed(djl, LoadedPolicy.load(model, version, djl.precision()));
             Progress progress = Progress.start("sampling", "questions", loaded.questions().size())) {
            report = new SampleFileWriter(backend, job, Clock.systemUTC())
                    .write(loaded.questions(), output, progress::stepTo);
        }
        LOG.atInfo().addKeyValue("file", report.file()).addKeyValue("questions", report.questions())
                .addKeyValue("failed", report.failed()).addKeyValue("samples", report.samples())
                .addKeyValue("accuracy", Math.round(report.accuracy() * 10_000) / 10_000.0)
                .addKeyValue("mixed_questions", report.mixed())
                .addKeyValue("seconds", report.elapsed().toMillis() / 1000.0).log("sample log written");
        return loaded.errors().isEmpty() && report.failed() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
