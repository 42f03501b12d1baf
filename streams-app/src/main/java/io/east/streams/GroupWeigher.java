package io.east.streams;

import io.east.core.weight.BatchWeigher;
import io.east.core.weight.EmaNormaliser;
import io.east.core.weight.MeanOne;
import io.east.core.weight.Scope;
import io.east.core.weight.WeightFunction;
import io.east.core.weight.WindowSummary;
import io.east.schemas.Histogram;
import io.east.schemas.WeightStats;
import io.east.schemas.WeightedExample;
import io.east.schemas.state.WeigherState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Weighs the kept groups of one input partition under the configured scope and summarises every window.
 *
 * <p>Windows are per input partition: each partition's log has a fixed order, so replaying it rebuilds the same
 * windows and weights, and a window's examples and state move together with the task when instances scale. The
 * price is that windows fill as many times more slowly as there are partitions, and that the window a question
 * lands in depends on the partition count. Under window:K a window's examples are held until the K-th arrives,
 * then all are emitted with weights of mean exactly 1; under ema and fixed each example is emitted at once and
 * the window only groups the statistics. With a window timeout, a partly filled window that gets no kept group for
 * that long (wall clock, counted from this instance's start or its last kept group) is closed with what it holds:
 * at the end of a round or on a slow partition its examples still reach the trainer.
 */
final class GroupWeigher implements Processor<String, CompletedGroup, String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(GroupWeigher.class);
    private static final String STATE_KEY = "state";

    private final StreamsSettings settings;
    private final WeightFunction function;
    private final Scope scope;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, WeigherState> states;
    private KeyValueStore<String, WeightedExample> window;
    private KeyValueStore<String, WeightStats> latestStats;
    private int partition;
    /** Wall-clock time of the last kept group, or of init; not stored, so a restart starts the wait again. */
    private long lastKeptMs;

    GroupWeigher(StreamsSettings settings) {
        this.settings = settings;
        this.function = settings.weighting().function();
        this.scope = settings.weighting().scope();
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.states = context.getStateStore(StreamsTopology.WEIGHER_STATE);
        this.window = context.getStateStore(StreamsTopology.WINDOW_EXAMPLES);
        this.latestStats = context.getStateStore(StreamsTopology.LATEST_STATS);
        this.partition = context.taskId().partition();
        this.lastKeptMs = context.currentSystemTimeMs();
        if (settings.closesIdleWindows()) {
            context.schedule(settings.windowCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::closeIdleWindow);
        }
    }

    private void closeIdleWindow(long now) {
        WeigherState state = states.get(STATE_KEY);
        if (state == null || state.getPending() == 0 || now - lastKeptMs < settings.windowTimeout().toMillis()) {
            return;
        }
        LOG.atInfo().addKeyValue("partition", partition).addKeyValue("window", scopeId(state.getWindowIndex()))
                .addKeyValue("kept", state.getPending()).addKeyValue("of", settings.windowSize())
                .addKeyValue("idle_ms", now - lastKeptMs).log("closing a partly filled window after the window timeout");
        closeWindow(state, now);
        states.put(STATE_KEY, state);
        lastKeptMs = now;
    }

    @Override
    public void process(Record<String, CompletedGroup> record) {
        WeigherState state = states.get(STATE_KEY);
        if (state == null) {
            state = new WeigherState(0L, 0, new HashMap<>(), 0.0, 0L);
        }
        CompletedGroup group = record.value();
        if (!group.kept()) {
            Map<String, Integer> discarded = new HashMap<>(state.getDiscarded());
            discarded.merge(group.summary().getDiscardReason(), 1, Integer::sum);
            state.setDiscarded(discarded);
            states.put(STATE_KEY, state);
            return;
        }
        lastKeptMs = context.currentSystemTimeMs();
        WeightedExample example = group.example();
        example.setScope(scope.id());
        example.setScopeId(scopeId(state.getWindowIndex()));
        double power = function.power(example.getSignal());
        if (scope instanceof Scope.Ema ema) {
            EmaNormaliser normaliser = new EmaNormaliser(state.getEmaMean(), state.getEmaCount())
                    .update(power, ema.beta());
            state.setEmaMean(normaliser.mean());
            state.setEmaCount(normaliser.count());
            emit(record.timestamp(), example, normaliser.weight(power), normaliser.mean());
        } else if (scope instanceof Scope.Fixed fixed) {
            emit(record.timestamp(), example, power / fixed.constant(), fixed.constant());
        }
        window.put(windowKey(state.getWindowIndex(), state.getPending()), scope instanceof Scope.Window
                ? example : statsOnly(example));
        state.setPending(state.getPending() + 1);
        if (state.getPending() >= settings.windowSize()) {
            closeWindow(state, record.timestamp());
        }
        states.put(STATE_KEY, state);
    }

    private void closeWindow(WeigherState state, long timestamp) {
        List<String> keys = new ArrayList<>();
        List<WeightedExample> examples = new ArrayList<>();
        String prefix = windowPrefix(state.getWindowIndex());
        try (KeyValueIterator<String, WeightedExample> stored =
                window.prefixScan(prefix, new org.apache.kafka.common.serialization.StringSerializer())) {
            while (stored.hasNext()) {
                KeyValue<String, WeightedExample> entry = stored.next();
                keys.add(entry.key);
                examples.add(entry.value);
            }
        }
        double normaliser = 0.0;
        if (scope instanceof Scope.Window) {
            double[] powers = examples.stream().mapToDouble(e -> function.power(e.getSignal())).toArray();
            normaliser = MeanOne.normaliser(powers);
            double[] weights = MeanOne.weights(powers, normaliser);
            for (int i = 0; i < examples.size(); i++) {
                emit(timestamp, examples.get(i), weights[i], normaliser);
            }
        } else {
            normaliser = examples.get(examples.size() - 1).getNormaliser();
        }
        WeightStats stats = stats(state, examples, normaliser);
        context.forward(new Record<>(stats.getScopeId(), stats, timestamp), StreamsTopology.STATS_SINK);
        latestStats.put(Integer.toString(partition), stats);
        keys.forEach(window::delete);
        state.setWindowIndex(state.getWindowIndex() + 1);
        state.setPending(0);
        state.setDiscarded(new HashMap<>());
    }

    private void emit(long timestamp, WeightedExample example, double weight, double normaliser) {
        example.setWeight(weight);
        example.setNormaliser(normaliser);
        context.forward(new Record<>(example.getTaskId(), example, timestamp), StreamsTopology.WEIGHTED_SINK);
    }

    /**
     * Under ema and fixed an example is already emitted; its window keeps it only for the WeightStats, which read
     * entropy, weight and normaliser. Dropping the texts (most of its bytes) makes the store and its changelog
     * write a small record per kept group instead of a second copy of the example. The store's format does not
     * change, and windows restored from a changelog written with whole examples close the same way.
     */
    private static WeightedExample statsOnly(WeightedExample example) {
        return WeightedExample.newBuilder(example).setPrompt("").setChosen("").setRejected(null).build();
    }

    private WeightStats stats(WeigherState state, List<WeightedExample> examples, double normaliser) {
        double[] entropies = examples.stream().mapToDouble(WeightedExample::getEntropy).toArray();
        double[] weights = examples.stream().mapToDouble(WeightedExample::getWeight).toArray();
        WindowSummary summary = WindowSummary.of(entropies, weights);
        return WeightStats.newBuilder()
                .setExperiment(settings.experiment())
                .setScope(scope.id())
                .setScopeId(scopeId(state.getWindowIndex()))
                .setWindowIndex(state.getWindowIndex())
                .setStrategy(function.strategy().id())
                .setAlpha(function.alpha())
                .setKept(examples.size())
                .setDiscarded(Map.copyOf(state.getDiscarded()))
                .setEntropyHistogram(histogram(summary.entropy()))
                .setWeightHistogram(histogram(summary.weight()))
                .setWeightMean(summary.mean())
                .setWeightMin(summary.min())
                .setWeightMax(summary.max())
                .setWeightQuantiles(summary.quantiles())
                .setNormaliser(normaliser)
                .setCreatedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .build();
    }

    private static Histogram histogram(WindowSummary.Histogram histogram) {
        return Histogram.newBuilder()
                .setLower(histogram.lower())
                .setUpper(histogram.upper())
                .setCounts(IntStream.of(histogram.counts()).boxed().toList())
                .build();
    }

    /** Unique across partitions: {@code p3/window-17}. */
    private String scopeId(long windowIndex) {
        return "p" + partition + "/" + BatchWeigher.windowId(windowIndex);
    }

    private static String windowPrefix(long windowIndex) {
        return zeroPadded(windowIndex, 19) + "/";
    }

    private static String windowKey(long windowIndex, int position) {
        return windowPrefix(windowIndex) + zeroPadded(position, 6);
    }

    /** As String.format("%0{width}d") for a value >= 0, without parsing a pattern for every kept group. */
    private static String zeroPadded(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
