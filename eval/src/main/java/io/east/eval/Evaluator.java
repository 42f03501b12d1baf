package io.east.eval;

import io.east.core.answer.AnswerExtractor;
import io.east.core.answer.AnswerGrader;
import io.east.producers.feed.FeedQuestion;
import io.east.producers.generate.Generation;
import io.east.producers.generate.GenerationBackend;
import io.east.producers.generate.GenerationOutcome;
import io.east.producers.generate.GenerationRequest;
import io.east.producers.generate.djl.DjlBackend;
import io.east.producers.generate.djl.DjlSettings;
import io.east.producers.generate.djl.LoadedPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accuracy of a policy on a list of questions, through the same {@link GenerationBackend} and answer grading the
 * generator workers use: greedy pass@1 (temperature 0, one response), and with n > 1 also maj@n (n responses at the
 * settings' temperature, the majority answer graded). A question the backend fails counts as wrong and is logged.
 */
public final class Evaluator {

    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    private final EvalSettings settings;

    public Evaluator(EvalSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public EvalSettings settings() {
        return settings;
    }

    /** Loads a checkpoint, evaluates it with a DJL backend that never switches, and frees it. */
    public EvalReport evaluateCheckpoint(Path checkpoint, long version, DjlSettings djl, List<FeedQuestion> questions)
            throws IOException, InterruptedException {
        try (DjlBackend backend = DjlBackend.fixed(djl, LoadedPolicy.load(checkpoint, version, djl.precision()))) {
            return evaluate(backend, questions);
        }
    }

    public EvalReport evaluate(GenerationBackend backend, List<FeedQuestion> questions) throws InterruptedException {
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("no questions to evaluate");
        }
        long start = System.nanoTime();
        List<QuestionOutcome> outcomes = new ArrayList<>(questions.size());
        int greedyCorrect = 0;
        int majorityCorrect = 0;
        int failed = 0;
        for (int from = 0; from < questions.size(); from += settings.questionsPerCall()) {
            List<FeedQuestion> slice = questions.subList(from,
                    Math.min(questions.size(), from + settings.questionsPerCall()));
            List<GenerationOutcome> greedy = backend.sampleAll(requests(slice, 1), settings.greedy());
            List<GenerationOutcome> voting = settings.n() > 1
                    ? backend.sampleAll(requests(slice, settings.n()), settings.voting()) : null;
            for (int i = 0; i < slice.size(); i++) {
                QuestionOutcome outcome = grade(slice.get(i), greedy.get(i), voting == null ? null : voting.get(i));
                outcomes.add(outcome);
                greedyCorrect += outcome.greedyCorrect() ? 1 : 0;
                majorityCorrect += outcome.majorityCorrect() ? 1 : 0;
                if (outcome.failure() != null) {
                    failed++;
                    LOG.atWarn().addKeyValue("question_id", outcome.questionId())
                            .addKeyValue("reason", outcome.failure()).log("no response to a question; counted as wrong");
                }
            }
            LOG.atInfo().addKeyValue("done", outcomes.size()).addKeyValue("questions", questions.size())
                    .addKeyValue("pass_at_1_so_far", (double) greedyCorrect / outcomes.size())
                    .log("evaluation progress");
        }
        boolean voted = settings.n() > 1;
        return new EvalReport(questions.size(), greedyCorrect, WilsonInterval.of(greedyCorrect, questions.size()),
                settings.n(), voted ? majorityCorrect : null,
                voted ? WilsonInterval.of(majorityCorrect, questions.size()) : null, failed,
                Duration.ofNanos(System.nanoTime() - start), outcomes);
    }

    private List<GenerationRequest> requests(List<FeedQuestion> slice, int n) {
        return slice.stream().map(q -> new GenerationRequest(settings.template().fill(q.question()), n)).toList();
    }

    private QuestionOutcome grade(FeedQuestion question, GenerationOutcome greedy, GenerationOutcome voting) {
        List<String> greedyAnswers;
        List<String> votingAnswers = List.of();
        try {
            greedyAnswers = answers(greedy, 1);
            if (voting != null) {
                votingAnswers = answers(voting, settings.n());
            }
        } catch (NoResponse e) {
            return new QuestionOutcome(question.questionId(), null, false, null, false, e.getMessage());
        }
        String greedyAnswer = greedyAnswers.get(0);
        boolean greedyCorrect = AnswerGrader.equivalent(greedyAnswer, question.gold());
        if (voting == null) {
            return new QuestionOutcome(question.questionId(), greedyAnswer, greedyCorrect, null, false, null);
        }
        String majority = MajorityVote.of(votingAnswers).map(MajorityVote.Winner::answer).orElse(null);
        return new QuestionOutcome(question.questionId(), greedyAnswer, greedyCorrect, majority,
                AnswerGrader.equivalent(majority, question.gold()), null);
    }

    /** The extracted answer of each of the n responses (null where a response has none). */
    private static List<String> answers(GenerationOutcome outcome, int n) throws NoResponse {
        GenerationOutcome exact = outcome.exactly(n);
        if (exact instanceof GenerationOutcome.Failed failed) {
            throw new NoResponse(failed.reason());
        }
        List<String> answers = new ArrayList<>(n);
        for (Generation generation : ((GenerationOutcome.Generated) exact).generations()) {
            answers.add(AnswerExtractor.extract(generation.text()).orElse(null));
        }
        return answers;
    }

    private static final class NoResponse extends Exception {
        NoResponse(String reason) {
            super(reason, null, false, false);
        }
    }
}
