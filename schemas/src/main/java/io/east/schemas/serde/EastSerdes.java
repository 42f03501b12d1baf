package io.east.schemas.serde;

import io.east.schemas.DeadLetter;
import io.east.schemas.EvalResult;
import io.east.schemas.GroupSummary;
import io.east.schemas.ModelVersion;
import io.east.schemas.QuestionTask;
import io.east.schemas.ReasoningSample;
import io.east.schemas.TrainMetrics;
import io.east.schemas.WeightStats;
import io.east.schemas.WeightedExample;
import io.east.schemas.state.OpenGroup;
import io.east.schemas.state.WeigherState;
import io.east.schemas.topics.TopicSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;

/** The serde of every record type, one shared (thread-safe) instance per type. */
public final class EastSerdes {

    /** Every top-level record type of the system, i.e. every topic value type. */
    public static final List<Class<? extends SpecificRecord>> ALL_TYPES = List.of(
            QuestionTask.class, ReasoningSample.class, GroupSummary.class, WeightedExample.class, WeightStats.class,
            ModelVersion.class, TrainMetrics.class, EvalResult.class, DeadLetter.class);

    /** Record types of the streams app's state stores: their changelog topics hold them, so they evolve like the rest. */
    public static final List<Class<? extends SpecificRecord>> STATE_TYPES = List.of(
            OpenGroup.class, WeigherState.class);

    private static final Map<Class<?>, AvroSerde<?>> SERDES = new ConcurrentHashMap<>();

    private EastSerdes() {
    }

    public static AvroSerde<QuestionTask> questionTask() {
        return forType(QuestionTask.class);
    }

    public static AvroSerde<ReasoningSample> reasoningSample() {
        return forType(ReasoningSample.class);
    }

    public static AvroSerde<GroupSummary> groupSummary() {
        return forType(GroupSummary.class);
    }

    public static AvroSerde<WeightedExample> weightedExample() {
        return forType(WeightedExample.class);
    }

    public static AvroSerde<WeightStats> weightStats() {
        return forType(WeightStats.class);
    }

    public static AvroSerde<ModelVersion> modelVersion() {
        return forType(ModelVersion.class);
    }

    public static AvroSerde<TrainMetrics> trainMetrics() {
        return forType(TrainMetrics.class);
    }

    public static AvroSerde<EvalResult> evalResult() {
        return forType(EvalResult.class);
    }

    public static AvroSerde<DeadLetter> deadLetter() {
        return forType(DeadLetter.class);
    }

    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> AvroSerde<T> forType(Class<T> type) {
        return (AvroSerde<T>) SERDES.computeIfAbsent(type, t -> AvroSerde.of(type));
    }

    /** The serde of a topic's values. */
    public static AvroSerde<? extends SpecificRecord> forTopic(TopicSpec topic) {
        if (!SpecificRecord.class.isAssignableFrom(topic.valueType())) {
            throw new IllegalArgumentException("topic " + topic.name() + " has values of " + topic.valueType().getName()
                    + ", which is not a generated Avro record");
        }
        return forType(topic.valueType().asSubclass(SpecificRecord.class));
    }
}
