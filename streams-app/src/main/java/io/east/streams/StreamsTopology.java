package io.east.streams;

import io.east.schemas.serde.EastSerdes;
import io.east.schemas.state.WeigherState;
import io.east.schemas.topics.EastTopics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The streams app as one topology:
 *
 * <pre>
 * east.samples ─▶ decode ─▶ group ─▶ weigh ─▶ east.weighted[.EXP], east.weight-stats[.EXP]
 *                   │         ├─▶ east.groups (main app only)
 *                   └─────────┴─▶ east.dlq
 * </pre>
 *
 * Samples are keyed by task id, so a task's samples share a partition and the whole graph runs inside one task
 * per input partition with no repartitioning.
 */
public final class StreamsTopology {

    static final String SOURCE = "samples";
    static final String DECODE = "decode";
    static final String GROUP = "group";
    static final String WEIGH = "weigh";
    static final String GROUPS_SINK = "groups-sink";
    static final String WEIGHTED_SINK = "weighted-sink";
    static final String STATS_SINK = "weight-stats-sink";
    static final String DLQ_SINK = "dlq-sink";

    /** Stores, queryable by name through interactive queries. */
    public static final String OPEN_GROUPS = "open-groups";
    public static final String COMPLETED = "completed-tasks";
    public static final String WEIGHER_STATE = "weigher-state";
    public static final String WINDOW_EXAMPLES = "window-examples";
    public static final String LATEST_STATS = "latest-weight-stats";

    private StreamsTopology() {
    }

    public static Topology build(StreamsSettings settings) {
        Serde<String> keys = Serdes.String();
        Topology topology = new Topology();
        topology.addSource(SOURCE, keys.deserializer(), Serdes.ByteArray().deserializer(), EastTopics.SAMPLES.name());
        topology.addProcessor(DECODE, () -> new SampleDecoder(settings.component()), SOURCE);
        topology.addProcessor(GROUP, () -> new SampleGrouper(settings), DECODE);
        topology.addProcessor(WEIGH, () -> new GroupWeigher(settings), GROUP);

        // Values are encoded OpenGroups, which OpenGroupStore encodes and decodes itself.
        topology.addStateStore(store(OPEN_GROUPS, Serdes.ByteArray()), GROUP);
        topology.addStateStore(store(COMPLETED, Serdes.Long()), GROUP);
        topology.addStateStore(store(WEIGHER_STATE, EastSerdes.forType(WeigherState.class)), WEIGH);
        topology.addStateStore(store(WINDOW_EXAMPLES, EastSerdes.weightedExample()), WEIGH);
        topology.addStateStore(store(LATEST_STATS, EastSerdes.weightStats()), WEIGH);

        if (!settings.isExperiment()) {
            // An experiment replays the main log: its summaries would duplicate the main app's on east.groups.
            topology.addSink(GROUPS_SINK, EastTopics.GROUPS.name(), keys.serializer(),
                    EastSerdes.groupSummary().serializer(), GROUP);
        }
        topology.addSink(WEIGHTED_SINK, settings.weightedTopic(), keys.serializer(),
                EastSerdes.weightedExample().serializer(), WEIGH);
        topology.addSink(STATS_SINK, settings.weightStatsTopic(), keys.serializer(),
                EastSerdes.weightStats().serializer(), WEIGH);
        topology.addSink(DLQ_SINK, EastTopics.DLQ.name(), keys.serializer(), EastSerdes.deadLetter().serializer(),
                DECODE, GROUP);
        return topology;
    }

    /**
     * RocksDB stores behind Kafka Streams' record cache: a task's samples usually arrive together and its entries are
     * deleted when it completes, so most writes meet their delete in the cache and never reach RocksDB or the
     * changelog (the cache is flushed at every exactly-once commit, so nothing is lost).
     */
    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
                .withCachingEnabled();
    }
}
