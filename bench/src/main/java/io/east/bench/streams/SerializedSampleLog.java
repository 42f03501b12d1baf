package io.east.bench.streams;

import io.east.bench.data.SyntheticSamples;
import io.east.core.group.GroupAnalyzer;
import io.east.core.group.SampleAnswer;
import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.AvroSerde;
import io.east.schemas.serde.EastSerdes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic sample log, serialized once up front so that producing it costs only the send, plus which of its
 * tasks the app should keep. The expected kept count comes from the same core analyzer the app uses, which lets the
 * bench check that the app emitted every kept task exactly once.
 */
public final class SerializedSampleLog {

    private final int tasks;
    private final int n;
    private final String[] taskIds;
    private final byte[][] keys;
    private final byte[][] values;
    private final boolean[] kept;
    private final long keyBytes;
    private final long valueBytes;

    private SerializedSampleLog(int tasks, int n, String[] taskIds, byte[][] keys, byte[][] values, boolean[] kept) {
        this.tasks = tasks;
        this.n = n;
        this.taskIds = taskIds;
        this.keys = keys;
        this.values = values;
        this.kept = kept;
        long k = 0;
        long v = 0;
        for (int i = 0; i < values.length; i++) {
            k += keys[i].length;
            v += values[i].length;
        }
        this.keyBytes = k;
        this.valueBytes = v;
    }

    /** The log of {@code tasks} tasks of {@code n} samples, task after task, as a generator emits them. */
    public static SerializedSampleLog generate(String dataset, int tasks, int n, int responseChars, long seed,
            GroupAnalyzer analyzer) {
        List<ReasoningSample> samples = SyntheticSamples.log(dataset, tasks, n, responseChars, seed);
        AvroSerde<ReasoningSample> serde = EastSerdes.reasoningSample();
        String[] taskIds = new String[tasks];
        byte[][] keys = new byte[samples.size()][];
        byte[][] values = new byte[samples.size()][];
        boolean[] kept = new boolean[tasks];
        for (int t = 0; t < tasks; t++) {
            List<SampleAnswer> answers = new ArrayList<>(n);
            ReasoningSample first = samples.get(t * n);
            taskIds[t] = first.getTaskId();
            byte[] key = taskIds[t].getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < n; i++) {
                int index = t * n + i;
                ReasoningSample sample = samples.get(index);
                keys[index] = key;
                values[index] = serde.serialize(sample);
                answers.add(new SampleAnswer(sample.getSampleIndex(), sample.getPredictedAnswer(),
                        sample.getCorrect(), sample.getContainsBoxed()));
            }
            kept[t] = analyzer.analyze(taskIds[t], first.getGoldAnswer(), answers).kept();
        }
        return new SerializedSampleLog(tasks, n, taskIds, keys, values, kept);
    }

    public int tasks() {
        return tasks;
    }

    public int n() {
        return n;
    }

    public int samples() {
        return values.length;
    }

    public String taskId(int task) {
        return taskIds[task];
    }

    public byte[] key(int sample) {
        return keys[sample];
    }

    public byte[] value(int sample) {
        return values[sample];
    }

    public boolean kept(int task) {
        return kept[task];
    }

    public int keptTasks() {
        int count = 0;
        for (boolean k : kept) {
            count += k ? 1 : 0;
        }
        return count;
    }

    public double averageKeyBytes() {
        return (double) keyBytes / samples();
    }

    public double averageValueBytes() {
        return (double) valueBytes / samples();
    }

    /** Key plus value: what one record carries, the size ProducerPerformance is given. */
    public int averageRecordBytes() {
        return (int) Math.round((double) (keyBytes + valueBytes) / samples());
    }

    public long totalBytes() {
        return keyBytes + valueBytes;
    }
}
