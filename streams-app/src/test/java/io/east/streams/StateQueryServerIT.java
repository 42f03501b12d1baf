package io.east.streams;

import io.east.testkit.EmbeddedKafkaExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link StateQueryServerStory} on the broker embedded in this JVM: runs everywhere. */
class StateQueryServerIT extends StateQueryServerStory {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();
}
