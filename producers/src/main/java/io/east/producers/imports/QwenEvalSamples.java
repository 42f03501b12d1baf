package io.east.producers.imports;

import io.east.core.TaskIds;
import io.east.core.answer.AnswerExtractor;
import io.east.formats.QwenEvalQuestion;
import io.east.schemas.ReasoningSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One qwen-eval line as the ReasoningSamples of its task, one per response. */
public final class QwenEvalSamples {

    public static final String GENERATOR = "import:qwen-eval";

    private QwenEvalSamples() {
    }

    /**
     * The pipeline's {@code pred} and {@code score} are kept as given rather than re-graded, so that an import
     * reproduces the reference code's inputs exactly. Token counts and log-probabilities are not in the format.
     */
    public static List<ReasoningSample> of(QwenEvalQuestion line, String dataset, int round, Instant createdAt) {
        String taskId = TaskIds.of(dataset, line.questionId(), round);
        List<ReasoningSample> samples = new ArrayList<>(line.n());
        for (int i = 0; i < line.n(); i++) {
            String response = line.responses().get(i);
            samples.add(ReasoningSample.newBuilder()
                    .setTaskId(taskId)
                    .setQuestionId(line.questionId())
                    .setDataset(dataset)
                    .setRound(round)
                    .setSampleIndex(i)
                    .setN(line.n())
                    .setQuestion(line.question())
                    .setResponse(response)
                    .setPredictedAnswer(line.predictions().get(i))
                    .setGoldAnswer(line.gold())
                    .setCorrect(line.scores().get(i))
                    .setPolicyVersion(0)
                    .setGenerator(GENERATOR)
                    .setCreatedAt(createdAt)
                    .setTokenCount(0)
                    .setMeanLogprob(null)
                    .setContainsBoxed(AnswerExtractor.containsBoxed(response))
                    .build());
        }
        return samples;
    }
}
