package io.east.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.producers.feed.FeedQuestion;
import io.east.producers.generate.Generation;
import io.east.producers.generate.GenerationBackend;
import io.east.producers.generate.GenerationException;
import io.east.producers.generate.GenerationOutcome;
import io.east.producers.generate.GenerationRequest;
import io.east.producers.generate.SamplingParams;
import io.east.producers.generate.djl.DjlSettings;
import io.east.producers.synthetic.Split;
import io.east.producers.synthetic.SyntheticDataset;
import io.east.producers.testing.TinyCheckpoints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {

    @TempDir
    Path temp;

    /**
     * Answers by question: one greedy response, and the responses of a sampled call in order; a question that starts
     * with "all" gets every scripted response, however many were asked for.
     */
    private static final class ScriptedBackend implements GenerationBackend {
        private final Map<String, String> greedy;
        private final Map<String, List<String>> sampled;
        final List<String> calls = new ArrayList<>();

        ScriptedBackend(Map<String, String> greedy, Map<String, List<String>> sampled) {
            this.greedy = greedy;
            this.sampled = sampled;
        }

        @Override
        public List<Generation> sample(String prompt, int n, SamplingParams params) throws GenerationException {
            String question = prompt.substring("Question: ".length(), prompt.indexOf('\n'));
            if (question.startsWith("fail")) {
                throw new GenerationException("the engine broke");
            }
            List<String> texts = params.temperature() == 0 ? List.of(greedy.get(question)) : sampled.get(question);
            List<String> given = question.startsWith("all") ? texts : texts.subList(0, n);
            return given.stream().map(t -> new Generation(t, 3, -0.5, 0)).toList();
        }

        @Override
        public List<GenerationOutcome> sampleAll(List<GenerationRequest> requests, SamplingParams params)
                throws InterruptedException {
            calls.add("t=" + params.temperature() + " n=" + requests.get(0).n() + " questions=" + requests.size());
            return GenerationBackend.super.sampleAll(requests, params);
        }

        @Override
        public long policyVersion() {
            return 0;
        }

        @Override
        public String generatorId() {
            return "scripted";
        }
    }

    @Test
    void countsGreedyPassAt1AndMajorityAtNWithTheirIntervals() throws Exception {
        List<FeedQuestion> questions = List.of(
                new FeedQuestion("a", "two plus three", "5", null),
                new FeedQuestion("b", "half of one", "0.5", null),
                new FeedQuestion("c", "silence", "1", null),
                new FeedQuestion("d", "fail here", "2", null));
        ScriptedBackend backend = new ScriptedBackend(
                Map.of("two plus three", "2 + 3 = 5\n#### 5", "half of one", "It is \\boxed{\\frac{1}{2}}.",
                        "silence", "I do not know."),
                Map.of("two plus three", List.of("#### 5", "#### 7", "#### 5"),
                        "half of one", List.of("#### 3", "#### 1/2", "The answer is 0.5"),
                        "silence", List.of("no", "idea", "#### 1")));
        Evaluator evaluator = new Evaluator(EvalSettings.defaults().withN(3).withQuestionsPerCall(3));

        EvalReport report = evaluator.evaluate(backend, questions);

        assertThat(report.questions()).isEqualTo(4);
        assertThat(report.passAt1Correct()).isEqualTo(2);
        assertThat(report.passAt1()).isEqualTo(0.5);
        assertThat(report.passAt1Interval()).isEqualTo(WilsonInterval.of(2, 4));
        assertThat(report.samplesPerQuestion()).isEqualTo(3);
        assertThat(report.majCorrect()).as("a: 5 twice; b: 1/2 = 0.5 twice; c: one vote for 1").isEqualTo(3);
        assertThat(report.majAtN()).isEqualTo(0.75);
        assertThat(report.majInterval()).isEqualTo(WilsonInterval.of(3, 4));
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.outcomes()).extracting(QuestionOutcome::questionId).containsExactly("a", "b", "c", "d");
        assertThat(report.outcomes().get(1).majorityAnswer()).isEqualTo("1/2");
        assertThat(report.outcomes().get(3).failure()).isEqualTo("the engine broke");
        assertThat(backend.calls).containsExactly("t=0.0 n=1 questions=3", "t=0.8 n=3 questions=3",
                "t=0.0 n=1 questions=1", "t=0.8 n=3 questions=1");
    }

    @Test
    void withNOfOneOnlyGreedyPassAt1IsReported() throws Exception {
        ScriptedBackend backend = new ScriptedBackend(Map.of("q", "#### 4"), Map.of());

        EvalReport report = new Evaluator(EvalSettings.defaults())
                .evaluate(backend, List.of(new FeedQuestion("q1", "q", "4", null)));

        assertThat(report.passAt1()).isEqualTo(1.0);
        assertThat(report.majAtN()).isNull();
        assertThat(report.majInterval()).isNull();
        assertThat(backend.calls).containsExactly("t=0.0 n=1 questions=1");
    }

    @Test
    void surplusResponsesDoNotVoteAndTooFewFailTheQuestion() throws Exception {
        ScriptedBackend backend = new ScriptedBackend(Map.of("all many", "#### 5", "all few", "#### 5"),
                Map.of("all many", List.of("#### 5", "#### 7", "#### 5", "#### 7", "#### 7"),
                        "all few", List.of("#### 5", "#### 5")));

        List<FeedQuestion> questions = List.of(new FeedQuestion("many", "all many", "5", null),
                new FeedQuestion("few", "all few", "5", null));

        EvalReport report = new Evaluator(EvalSettings.defaults().withN(3).withQuestionsPerCall(2))
                .evaluate(backend, questions);

        assertThat(report.outcomes().get(0).majorityAnswer()).as("only the first 3 of 5 vote").isEqualTo("5");
        assertThat(report.outcomes().get(0).failure()).isNull();
        assertThat(report.outcomes().get(1).failure()).isEqualTo("backend returned 2 of 3 generations");
        assertThat(report.failed()).isEqualTo(1);
    }

    /** Accuracy of a random model is whatever it is; the counting and the interval must agree with it. */
    @Test
    void evaluatesATinyRandomCheckpointOnSyntheticQuestions() throws Exception {
        Path checkpoint = TinyCheckpoints.write(temp.resolve("v000003"), 3);
        List<FeedQuestion> questions = new SyntheticDataset(1).split(Split.TEST, 5).stream()
                .map(p -> new FeedQuestion(p.id(), p.question(), p.gold(), null)).toList();
        Evaluator evaluator = new Evaluator(EvalSettings.defaults().withN(2).withMaxNewTokens(16));

        EvalReport report = evaluator.evaluateCheckpoint(checkpoint, 3, DjlSettings.defaults(), questions);

        assertThat(report.questions()).isEqualTo(5);
        assertThat(report.samplesPerQuestion()).isEqualTo(2);
        assertThat(report.failed()).isZero();
        assertThat(report.outcomes()).hasSize(5);
        long correct = report.outcomes().stream().filter(QuestionOutcome::greedyCorrect).count();
        assertThat(report.passAt1Correct()).isEqualTo(correct);
        assertThat(report.passAt1Interval()).isEqualTo(WilsonInterval.of(correct, 5));
        assertThat(report.passAt1Interval().low()).isLessThanOrEqualTo(report.passAt1());
        assertThat(report.passAt1Interval().high()).isGreaterThanOrEqualTo(report.passAt1());
        long majority = report.outcomes().stream().filter(QuestionOutcome::majorityCorrect).count();
        assertThat(report.majCorrect()).isEqualTo((int) majority);
        assertThat(report.majInterval()).isEqualTo(WilsonInterval.of(majority, 5));
    }
}
