package io.east.producers.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.core.batch.QuestionGroup;
import io.east.formats.GroupFileReader;
import io.east.formats.InputFormat;
import io.east.producers.feed.FeedQuestion;
import io.east.producers.generate.Generation;
import io.east.producers.generate.GenerationBackend;
import io.east.producers.generate.GenerationException;
import io.east.producers.generate.PromptTemplate;
import io.east.producers.generate.SamplingParams;
import io.east.producers.generate.djl.DjlBackend;
import io.east.producers.generate.djl.DjlSettings;
import io.east.producers.generate.djl.LoadedPolicy;
import io.east.producers.testing.TinyCheckpoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFileWriterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC);
    private static final List<FeedQuestion> QUESTIONS = List.of(
            new FeedQuestion("q0", "Eva has 2 pens. She gets 3 more. How many pens does Eva have?", "5", "1"),
            new FeedQuestion("q1", "Tom has 9 cards. He loses 4. How many cards does Tom have?", "5", "1"),
            new FeedQuestion("broken", "[fail]", "1", "1"));

    @TempDir
    Path dir;

    /**
     * Answers "#### 5" for even sample copies and "#### 6" for odd ones; fails a question marked [fail], and gives
     * one answer too few for [few] and two too many for [many].
     */
    private static final class AlternatingBackend implements GenerationBackend {
        final List<String> prompts = new ArrayList<>();

        @Override
        public List<Generation> sample(String prompt, int n, SamplingParams params) throws GenerationException {
            prompts.add(prompt);
            if (prompt.contains("[fail]")) {
                throw new GenerationException("scripted failure");
            }
            int count = prompt.contains("[few]") ? n - 1 : prompt.contains("[many]") ? n + 2 : n;
            List<Generation> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                out.add(new Generation("2 + 3 = " + (5 + i % 2) + "\n#### " + (5 + i % 2), 12, -0.5, 7));
            }
            return out;
        }

        @Override
        public long policyVersion() {
            return 7;
        }

        @Override
        public String generatorId() {
            return "scripted";
        }
    }

    private static SampleJob job(int n) {
        return new SampleJob("synthetic", 2, n, PromptTemplate.DEFAULT,
                new SamplingParams(0.8, 0.95, 96, SamplingParams.DEFAULT_STOP), 2);
    }

    @Test
    void writesGradedSamplesThatTheBatchReaderReadsBackAsGroups() throws Exception {
        AlternatingBackend backend = new AlternatingBackend();
        Path out = dir.resolve("nested/samples.jsonl");
        List<Integer> progress = new ArrayList<>();

        SampleFileReport report = new SampleFileWriter(backend, job(4), CLOCK).write(QUESTIONS, out, progress::add);

        assertThat(report.questions()).isEqualTo(3);
        assertThat(report.failed()).as("the failing question is left out").isEqualTo(1);
        assertThat(report.samples()).isEqualTo(8);
        assertThat(report.correct()).isEqualTo(4);
        assertThat(report.mixed()).isEqualTo(2);
        assertThat(progress).containsExactly(2, 3);
        assertThat(backend.prompts.get(0)).isEqualTo(PromptTemplate.DEFAULT.fill(QUESTIONS.get(0).question()));
        assertThat(Files.list(out.getParent())).as("no partial file left").containsExactly(out);

        List<QuestionGroup> groups = readBack(out);
        assertThat(groups).extracting(QuestionGroup::taskId)
                .containsExactly("synthetic/q0@r2", "synthetic/q1@r2");
        assertThat(groups.get(0).answers()).extracting(a -> a.answer() + ":" + a.correct())
                .containsExactly("5:true", "6:false", "5:true", "6:false");
        String first = Files.readAllLines(out, StandardCharsets.UTF_8).get(0);
        assertThat(first).contains("\"generator\":\"scripted\"", "\"policy_version\":7", "\"sample_index\":0",
                "\"mean_logprob\":-0.5", "\"token_count\":12", "\"created_at\":1000");
    }

    @Test
    void aQuestionWithTooFewAnswersIsLeftOutAndTooManyAreCutToN() throws Exception {
        List<FeedQuestion> questions = List.of(
                new FeedQuestion("few", "[few] How many?", "5", "1"),
                new FeedQuestion("many", "[many] How many?", "5", "1"),
                new FeedQuestion("q0", QUESTIONS.get(0).question(), "5", "1"));
        Path out = dir.resolve("uneven.jsonl");

        SampleFileReport report = new SampleFileWriter(new AlternatingBackend(), job(3), CLOCK)
                .write(questions, out, done -> { });

        assertThat(report.failed()).as("too few answers fail only their own question").isEqualTo(1);
        assertThat(report.samples()).isEqualTo(6);
        List<QuestionGroup> groups = readBack(out);
        assertThat(groups).extracting(QuestionGroup::taskId)
                .containsExactly("synthetic/many@r2", "synthetic/q0@r2");
        assertThat(groups.get(0).answers()).extracting(a -> a.sampleIndex() + ":" + a.answer())
                .containsExactly("0:5", "1:6", "2:5");
    }

    @Test
    void theSameSeedGivesTheSameFileWithTheDjlPolicy() throws Exception {
        Path checkpoint = TinyCheckpoints.write(dir.resolve("tiny"), 5);
        List<FeedQuestion> questions = QUESTIONS.subList(0, 2);
        SampleJob job = new SampleJob("synthetic", 0, 3, PromptTemplate.DEFAULT,
                new SamplingParams(1.0, 1.0, 8, List.of()), 1);
        List<String> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Path out = dir.resolve("djl-" + run + ".jsonl");
            try (DjlBackend backend = DjlBackend.fixed(DjlSettings.defaults().withSeed(11),
                    LoadedPolicy.load(checkpoint, 0, io.east.model.Precision.FP32))) {
                new SampleFileWriter(backend, job, CLOCK).write(questions, out, done -> { });
            }
            runs.add(Files.readString(out, StandardCharsets.UTF_8));
        }
        assertThat(runs.get(0).lines()).hasSize(6);
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }

    @Test
    void refusesAnEmptyQuestionList() {
        assertThatThrownBy(() -> new SampleFileWriter(new AlternatingBackend(), job(2), CLOCK)
                .write(List.of(), dir.resolve("x.jsonl"), done -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no questions");
    }

    /** The groups the importer reads from a written file, which must hold no bad line. */
    private static List<QuestionGroup> readBack(Path out) throws IOException {
        GroupFileReader.Result read = GroupFileReader.read(out, InputFormat.SAMPLES, GroupFileReader.Origin.IMPORT,
                count -> { });
        assertThat(read.errors()).isEmpty();
        return read.groups();
    }
}
