package io.east.producers.generate;

import io.east.schemas.QuestionTask;

/** One polled record of a batch: a task to generate for, or a record refused before generation. */
sealed interface PlannedRecord {

    SourceRecord source();

    record Task(SourceRecord source, QuestionTask task) implements PlannedRecord {
    }

    /** @param reason a dead-letter reason code: {@code undecodable} or {@code invalid} */
    record Rejected(SourceRecord source, String reason, String detail) implements PlannedRecord {
    }
}
