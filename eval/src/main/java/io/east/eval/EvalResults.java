package io.east.eval;

import io.east.schemas.EvalResult;
import java.time.Instant;

/** An evaluation as the EvalResult record east.eval carries. */
public final class EvalResults {

    private EvalResults() {
    }

    public static EvalResult of(EvalTarget target, EvalReport report, Instant createdAt) {
        return EvalResult.newBuilder()
                .setModelVersion(target.modelVersion())
                .setCheckpointUri(target.checkpointUri())
                .setDataset(target.dataset())
                .setSplit(target.split())
                .setQuestions(report.questions())
                .setPassAt1(report.passAt1())
                .setPassAt1CiLow(report.passAt1Interval().low())
                .setPassAt1CiHigh(report.passAt1Interval().high())
                .setSamplesPerQuestion(report.samplesPerQuestion())
                .setMajAtN(report.majAtN())
                .setExperiment(target.experiment())
                .setCreatedAt(createdAt)
                .build();
    }
}
