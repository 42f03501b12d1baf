package io.east.producers.generate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a generator worker needs besides its Kafka connection and backend.
 *
 * @param workerId names this worker instance; its transactional id is {@code east-generator-<workerId>}, so it
 *     must be unique among live workers. Reusing the id of a crashed instance on restart fences that instance's
 *     zombie and aborts its open transaction at once; a fresh id is also safe (the group generation fences
 *     zombies, KIP-447) but then an open transaction of the dead instance is only aborted after
 *     {@code transaction.timeout.ms}, and until then read_committed readers of its sample partitions wait.
 * @param groupId the consumer group, {@value #DEFAULT_GROUP} unless testing
 * @param batchSize tasks per poll and per transaction ({@code max.poll.records})
 * @param pollTimeout how long one poll waits for tasks
 * @param staticMember whether the worker id is also the consumer's {@code group.instance.id}: a restarted worker with
 *     the same id then takes its partitions back at once instead of waiting for its dead self's session to expire.
 *     Only for ids that name one slot (e.g. a pod name), never for the per-process default.
 */
public record WorkerSettings(
        String workerId,
        String groupId,
        GenerateTopics topics,
        int batchSize,
        PromptTemplate template,
        SamplingParams sampling,
        Duration pollTimeout,
        boolean staticMember) {

    public static final String DEFAULT_GROUP = "east-generators";
    public static final int DEFAULT_BATCH = 4;
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Pattern WORKER_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    public WorkerSettings {
        if (workerId == null || !WORKER_ID.matcher(workerId).matches()) {
            throw new IllegalArgumentException("worker id must match " + WORKER_ID.pattern() + ", got '" + workerId + "'");
        }
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("group id must not be empty");
        }
        Objects.requireNonNull(topics, "topics");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batchSize);
        }
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(sampling, "sampling");
        if (pollTimeout == null || pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException("poll timeout must be positive, got " + pollTimeout);
        }
    }

    /** A dynamic member of the consumer group. */
    public WorkerSettings(String workerId, String groupId, GenerateTopics topics, int batchSize, PromptTemplate template,
            SamplingParams sampling, Duration pollTimeout) {
        this(workerId, groupId, topics, batchSize, template, sampling, pollTimeout, false);
    }

    /** Default group, topics, batch, template, sampling and poll timeout. */
    public static WorkerSettings defaults(String workerId) {
        return new WorkerSettings(workerId, DEFAULT_GROUP, GenerateTopics.DEFAULT, DEFAULT_BATCH,
                PromptTemplate.DEFAULT, SamplingParams.defaults(), DEFAULT_POLL_TIMEOUT);
    }

    /** The default worker id: host name and process id, unique per process (see the class comment). */
    public static String defaultWorkerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String safeHost = host.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safeHost.length() > 150) {
            safeHost = safeHost.substring(0, 150);
        }
        return safeHost + "-" + ProcessHandle.current().pid();
    }

    public String transactionalId() {
        return "east-generator-" + workerId;
    }

    /** The {@code component} of this worker's dead letters. */
    public String component() {
        return "generate:" + workerId;
    }

    public WorkerSettings withWorkerId(String id) {
        return new WorkerSettings(id, groupId, topics, batchSize, template, sampling, pollTimeout, staticMember);
    }

    public WorkerSettings withGroup(String group) {
        return new WorkerSettings(workerId, group, topics, batchSize, template, sampling, pollTimeout, staticMember);
    }

    public WorkerSettings withTopics(GenerateTopics newTopics) {
        return new WorkerSettings(workerId, groupId, newTopics, batchSize, template, sampling, pollTimeout, staticMember);
    }

    public WorkerSettings withBatchSize(int batch) {
        return new WorkerSettings(workerId, groupId, topics, batch, template, sampling, pollTimeout, staticMember);
    }

    public WorkerSettings withStaticMember(boolean value) {
        return new WorkerSettings(workerId, groupId, topics, batchSize, template, sampling, pollTimeout, value);
    }

    public WorkerSettings withSampling(SamplingParams newSampling) {
        return new WorkerSettings(workerId, groupId, topics, batchSize, template, newSampling, pollTimeout, staticMember);
    }
}
