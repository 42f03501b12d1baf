package io.east.producers.generate;

import io.east.metrics.ProcessMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * A worker's meters: its Kafka clients' own metrics (lag, fetch and transaction rates...) and what it committed,
 * read from its counters at scrape time, so the hot path only increments the counters it already keeps.
 */
final class WorkerMeters {

    private WorkerMeters() {
    }

    static void bind(ProcessMetrics metrics, String workerId, Consumer<?, ?> consumer, Producer<?, ?> producer,
            WorkerCounters counters, BatchRebalanceListener rebalance) {
        metrics.bind(new KafkaClientMetrics(consumer)).bind(new KafkaClientMetrics(producer));
        MeterRegistry registry = metrics.registry();
        Tags tags = Tags.of("worker", workerId);
        counter(registry, "east.generate.tasks", "Question tasks whose samples were committed", tags, counters,
                stats -> stats.snapshot().tasks());
        counter(registry, "east.generate.samples", "Samples committed", tags, counters,
                stats -> stats.snapshot().samples());
        counter(registry, "east.generate.dead.letters", "Dead letters committed", tags, counters,
                stats -> stats.snapshot().deadLetters());
        counter(registry, "east.generate.transactions", "Transactions committed", tags, counters,
                stats -> stats.snapshot().transactions());
        counter(registry, "east.generate.transactions.aborted", "Transactions aborted", tags, counters,
                stats -> stats.snapshot().aborted());
        Gauge.builder("east.generate.partitions", rebalance, owned -> owned.owned().size())
                .description("Partitions of east.questions this worker owns").tags(tags).register(registry);
    }

    private static void counter(MeterRegistry registry, String name, String description, Tags tags,
            WorkerCounters counters, ToDoubleFunction<WorkerCounters> value) {
        FunctionCounter.builder(name, counters, value).description(description).tags(tags).register(registry);
    }
}
