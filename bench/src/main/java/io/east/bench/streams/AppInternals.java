package io.east.bench.streams;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * A few of Kafka Streams' own metrics, read just before the app is closed, to show where its time went: how often
 * and how long it committed (under exactly-once a commit is a transaction commit plus a state flush), the stream
 * thread's split of its time, and how many produce retries the broker forced.
 *
 * @param commits        commits by the stream thread
 * @param commitAvgMs    their mean duration
 * @param commitMaxMs    the longest (in the metric's recent window)
 * @param processRatio   share of the thread's time spent processing records (recent window), as do the next two
 * @param commitRatio    share spent committing
 * @param pollRatio      share spent polling
 * @param producerRetries produce requests the app's producer retried (CONCURRENT_TRANSACTIONS and the like)
 */
public record AppInternals(double commits, double commitAvgMs, double commitMaxMs, double processRatio,
        double commitRatio, double pollRatio, double producerRetries) {

    static AppInternals of(KafkaStreams streams) {
        Map<MetricName, ? extends Metric> metrics = streams.metrics();
        return new AppInternals(
                sum(metrics, "stream-thread-metrics", "commit-total"),
                sum(metrics, "stream-thread-metrics", "commit-latency-avg"),
                sum(metrics, "stream-thread-metrics", "commit-latency-max"),
                sum(metrics, "stream-thread-metrics", "process-ratio"),
                sum(metrics, "stream-thread-metrics", "commit-ratio"),
                sum(metrics, "stream-thread-metrics", "poll-ratio"),
                sum(metrics, "producer-metrics", "record-retry-total"));
    }

    /** Summed over clients and threads (this app has one of each); NaN when no such metric has a value. */
    private static double sum(Map<MetricName, ? extends Metric> metrics, String group, String name) {
        double total = Double.NaN;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName metric = entry.getKey();
            if (metric.group().equals(group) && metric.name().equals(name)
                    && entry.getValue().metricValue() instanceof Number value
                    && !Double.isNaN(value.doubleValue())) {
                total = (Double.isNaN(total) ? 0 : total) + value.doubleValue();
            }
        }
        return total;
    }
}
