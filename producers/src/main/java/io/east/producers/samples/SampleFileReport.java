package io.east.producers.samples;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What an offline sampling run wrote.
 *
 * @param questions questions asked
 * @param failed questions the backend produced nothing or fewer than n answers for (left out of the file)
 * @param samples lines written: n per question that did not fail
 * @param correct samples graded correct
 * @param mixed questions with at least one correct and one wrong sample: what the standard keep rules keep
 */
public record SampleFileReport(Path file, int questions, int failed, long samples, long correct, int mixed,
        Duration elapsed) {

    public double accuracy() {
        return samples == 0 ? 0 : (double) correct / samples;
    }
}
