package io.east.producers.samples;

import io.east.producers.feed.FeedQuestion;
import io.east.producers.generate.GenerationBackend;
import io.east.producers.generate.GenerationOutcome;
import io.east.producers.generate.GenerationRequest;
import io.east.producers.generate.ReasoningSamples;
import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.RecordJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples every question n times and writes the graded samples as JSON lines, one ReasoningSample per line with its
 * Avro field names at the top level ({@link RecordJson}), in question order and sample_index order. The file is
 * written beside its final name and moved into place at the end, so a crashed run leaves no half file behind.
 */
public final class SampleFileWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SampleFileWriter.class);

    private final GenerationBackend backend;
    private final SampleJob job;
    private final Clock clock;

    public SampleFileWriter(GenerationBackend backend, SampleJob job, Clock clock) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.job = Objects.requireNonNull(job, "job");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param onQuestions told the number of questions done after each backend call, for progress
     * @throws IllegalArgumentException when there are no questions
     */
    public SampleFileReport write(List<FeedQuestion> questions, Path output, IntConsumer onQuestions)
            throws IOException, InterruptedException {
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("no questions to sample");
        }
        long start = System.nanoTime();
        Path target = output.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        Tally tally = new Tally();
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (int from = 0; from < questions.size(); from += job.questionsPerCall()) {
                List<FeedQuestion> slice = questions.subList(from,
                        Math.min(questions.size(), from + job.questionsPerCall()));
                List<GenerationOutcome> outcomes = backend.sampleAll(slice.stream()
                        .map(q -> new GenerationRequest(job.template().fill(q.question()), job.n())).toList(),
                        job.sampling());
                for (int i = 0; i < slice.size(); i++) {
                    write(out, slice.get(i), outcomes.get(i), tally);
                }
                int done = from + slice.size();
                onQuestions.accept(done);
                LOG.atDebug().addKeyValue("done", done).addKeyValue("questions", questions.size())
                        .addKeyValue("samples", tally.samples).log("sampling progress");
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new SampleFileReport(target, questions.size(), tally.failed, tally.samples, tally.correct, tally.mixed,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private void write(BufferedWriter out, FeedQuestion question, GenerationOutcome outcome, Tally tally)
            throws IOException {
        GenerationOutcome exact = outcome.exactly(job.n());
        if (exact instanceof GenerationOutcome.Failed failed) {
            tally.failed++;
            LOG.atWarn().addKeyValue("question_id", question.questionId()).addKeyValue("reason", failed.reason())
                    .log("no samples for a question; it is left out of the file");
            return;
        }
        List<ReasoningSample> samples = ReasoningSamples.of(
                question.task(job.dataset(), job.round(), job.n(), clock.instant()),
                ((GenerationOutcome.Generated) exact).generations(), backend.generatorId(), clock.instant());
        long correct = samples.stream().filter(ReasoningSample::getCorrect).count();
        for (ReasoningSample sample : samples) {
            out.write(RecordJson.toJson(sample));
            out.write('\n');
        }
        tally.samples += samples.size();
        tally.correct += correct;
        if (correct > 0 && correct < samples.size()) {
            tally.mixed++;
        }
    }

    private static final class Tally {
        private int failed;
        private long samples;
        private long correct;
        private int mixed;
    }
}
