package io.east.ablation;

import io.east.schemas.topics.EastTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** Where the sample log comes from: a samples JSONL file (batch path) or the east.samples topic (streams path). */
public sealed interface SampleSource {

    /** A samples JSONL file, weighed by the batch path. */
    record File(Path path) implements SampleSource {
        public File {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * The sample topic, replayed by the streams app once per config.
     *
     * @param replayTimeout the longest one config's replay may take
     */
    record Topic(String topic, Map<String, Object> clientProperties, Duration replayTimeout) implements SampleSource {
        public Topic {
            // The streams app's topology reads east.samples and nothing else.
            if (!EastTopics.SAMPLES.name().equals(topic)) {
                throw new IllegalArgumentException("--samples-topic must be " + EastTopics.SAMPLES.name()
                        + ": the streams app replays that log, got '" + topic + "'");
            }
            clientProperties = Map.copyOf(clientProperties);
            if (replayTimeout.isNegative() || replayTimeout.isZero()) {
                throw new IllegalArgumentException("the replay timeout must be positive, got " + replayTimeout);
            }
        }
    }
}
