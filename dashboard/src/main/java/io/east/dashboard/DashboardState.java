package io.east.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import io.east.schemas.EvalResult;
import io.east.schemas.GroupSummary;
import io.east.schemas.ModelVersion;
import io.east.schemas.TrainMetrics;
import io.east.schemas.WeightStats;
import io.east.schemas.serde.RecordJson;
import io.east.schemas.topics.EastTopics;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the page shows, kept in bounded histories, and the stream of updates to it.
 *
 * <p>Every update gets the next sequence number and is published to the listeners while the lock is held, and a
 * snapshot carries the sequence number of the last update in it: a page that opens the event stream first and then
 * loads the snapshot applies exactly the events after it, with none lost or applied twice.
 *
 * <p>Records are stored as their {@link RecordJson} lines, which escape {@code <}, {@code >} and {@code &}: the
 * model-generated answers in east.groups reach the page only as escaped JSON strings.
 */
public final class DashboardState {

    static final String WEIGHT_STATS = "weight-stats";
    static final String GROUP = "group";
    static final String TRAIN = "train";
    static final String EVAL = "eval";
    static final String MODEL_VERSION = "model-version";

    private final int history;
    private final Map<String, ExperimentSeries> series = new LinkedHashMap<>();
    private final BoundedHistory<String> groups;
    private final List<Consumer<DashboardEvent>> listeners = new CopyOnWriteArrayList<>();
    private long seq;

    /** Cumulative totals of one experiment: windows keep only their own counts, the page shows the sums. */
    private static final class Totals {
        long windows;
        long kept;
        final Map<String, Long> discarded = new TreeMap<>();

        void add(WeightStats stats) {
            windows++;
            kept += stats.getKept();
            stats.getDiscarded().forEach((reason, count) -> discarded.merge(reason.toString(), (long) count,
                    Long::sum));
        }

        void write(JsonGenerator json) throws IOException {
            json.writeStartObject();
            json.writeNumberField("windows", windows);
            json.writeNumberField("kept", kept);
            json.writeObjectFieldStart("discarded");
            for (Map.Entry<String, Long> entry : discarded.entrySet()) {
                json.writeNumberField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    private final class ExperimentSeries {
        final BoundedHistory<String> weightStats = new BoundedHistory<>(history);
        final BoundedHistory<String> train = new BoundedHistory<>(history);
        final BoundedHistory<String> eval = new BoundedHistory<>(history);
        final BoundedHistory<String> modelVersions = new BoundedHistory<>(history);
        final Totals totals = new Totals();

        void write(JsonGenerator json) throws IOException {
            json.writeStartObject();
            writeRecords(json, "weightStats", weightStats);
            writeRecords(json, "train", train);
            writeRecords(json, "eval", eval);
            writeRecords(json, "modelVersions", modelVersions);
            json.writeFieldName("totals");
            totals.write(json);
            json.writeEndObject();
        }
    }

    /**
     * @param experiments shown from the start, in this order (main first); others appear when records name them
     * @param history the bound of every per-experiment series
     * @param groupLimit how many east.groups records are kept
     */
    public DashboardState(List<String> experiments, int history, int groupLimit) {
        this.history = history;
        this.groups = new BoundedHistory<>(groupLimit);
        experiments.forEach(this::seriesOf);
    }

    public void subscribe(Consumer<DashboardEvent> listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<DashboardEvent> listener) {
        listeners.remove(listener);
    }

    public synchronized void weightStats(String experiment, WeightStats stats) {
        ExperimentSeries target = seriesOf(experiment);
        String json = RecordJson.toJson(stats);
        target.weightStats.add(json);
        target.totals.add(stats);
        publish(WEIGHT_STATS, experiment, json, target.totals);
    }

    public synchronized void group(GroupSummary group) {
        String json = RecordJson.toJson(group);
        groups.add(json);
        publish(GROUP, EastTopics.MAIN_KEY, json, null);
    }

    public synchronized void trainMetrics(TrainMetrics metrics) {
        String experiment = FollowedTopics.experimentOf(metrics.getExperiment());
        String json = RecordJson.toJson(metrics);
        seriesOf(experiment).train.add(json);
        publish(TRAIN, experiment, json, null);
    }

    public synchronized void evalResult(EvalResult result) {
        String experiment = FollowedTopics.experimentOf(result.getExperiment());
        String json = RecordJson.toJson(result);
        seriesOf(experiment).eval.add(json);
        publish(EVAL, experiment, json, null);
    }

    public synchronized void modelVersion(ModelVersion version) {
        String experiment = FollowedTopics.experimentOf(version.getExperiment());
        String json = RecordJson.toJson(version);
        seriesOf(experiment).modelVersions.add(json);
        publish(MODEL_VERSION, experiment, json, null);
    }

    /** The sequence number of the latest update. */
    public synchronized long seq() {
        return seq;
    }

    /** Everything kept, as the JSON document {@code /api/state} serves. */
    public synchronized String snapshotJson() {
        return HtmlSafeJson.write(json -> {
            json.writeStartObject();
            json.writeNumberField("seq", seq);
            json.writeNumberField("history", history);
            json.writeArrayFieldStart("experiments");
            for (String experiment : series.keySet()) {
                json.writeString(experiment);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("series");
            for (Map.Entry<String, ExperimentSeries> entry : series.entrySet()) {
                json.writeFieldName(entry.getKey());
                entry.getValue().write(json);
            }
            json.writeEndObject();
            writeRecords(json, "groups", groups);
            json.writeEndObject();
        });
    }

    private ExperimentSeries seriesOf(String experiment) {
        return series.computeIfAbsent(experiment, name -> new ExperimentSeries());
    }

    private void publish(String kind, String experiment, String recordJson, Totals totals) {
        long eventSeq = ++seq;
        String json = HtmlSafeJson.write(out -> {
            out.writeStartObject();
            out.writeNumberField("seq", eventSeq);
            out.writeStringField("kind", kind);
            out.writeStringField("experiment", experiment);
            out.writeFieldName("record");
            out.writeRawValue(recordJson);
            if (totals != null) {
                out.writeFieldName("totals");
                totals.write(out);
            }
            out.writeEndObject();
        });
        DashboardEvent event = new DashboardEvent(eventSeq, json);
        for (Consumer<DashboardEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    private static void writeRecords(JsonGenerator json, String field, BoundedHistory<String> records)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (String record : records.items()) {
            json.writeRawValue(record);
        }
        json.writeEndArray();
    }
}
