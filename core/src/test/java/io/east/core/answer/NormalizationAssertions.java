package io.east.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

/** The check every table of normalization cases makes. */
final class NormalizationAssertions {

    private NormalizationAssertions() {
    }

    /** {@code input} normalizes to {@code expected}, and normalizing that again changes nothing. */
    static void assertNormalizesTo(String input, String expected) {
        String normalized = AnswerNormalizer.normalize(input);
        assertThat(normalized).isEqualTo(expected);
        assertThat(AnswerNormalizer.normalize(normalized)).as("idempotent").isEqualTo(normalized);
    }
}
