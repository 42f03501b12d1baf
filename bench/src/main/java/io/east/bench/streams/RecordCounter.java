package io.east.bench.streams;

import io.east.schemas.topics.CommittedScan;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the committed records of a topic by reading it. Offsets cannot be subtracted instead: a transactional
 * writer (the streams app under exactly-once) leaves commit markers that take offsets but are no records.
 */
final class RecordCounter {

    private static final Duration READ_LIMIT = Duration.ofSeconds(60);

    private RecordCounter() {
    }

    static long committedRecords(BenchClients clients, String topic) {
        LongAdder count = new LongAdder();
        CommittedScan.forEach(clients.common(), List.of(topic), READ_LIMIT, record -> count.increment());
        return count.sum();
    }
}
