package io.east.testkit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link EveryRecordTypeRoundTrip} on the broker embedded in this JVM: runs everywhere. */
class EveryRecordTypeOnBrokerIT extends EveryRecordTypeRoundTrip {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();
}
