package io.east.trainer;

import io.east.model.Checkpoints;
import io.east.model.FileTrees;
import io.east.model.LlamaConfig;
import io.east.model.Tokenizers;
import io.east.schemas.WeightedExample;
import io.east.schemas.serde.RecordJson;
import io.east.testkit.TrainingExamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Weighted examples and a tiny random model for the trainer's tests. */
final class TestExamples {

    /** About 40k parameters: a step takes milliseconds on a shared 2-core machine. */
    static final LlamaConfig TINY = LlamaConfig.small(Tokenizers.CHARACTER_LEVEL_VOCAB_SIZE, 32, 2, 4, 2, 64, 64);

    private TestExamples() {
    }

    private static Path tinyInit;

    /** One tiny random model for every test of this JVM; tests only read it. */
    static synchronized Path tinyInit() {
        if (tinyInit == null) {
            try {
                Path dir = Files.createTempDirectory("east-tiny-init");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
                tinyInit = writeInit(dir.resolve("init"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tinyInit;
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileTrees.deleteRecursively(dir);
        } catch (IOException ignored) {
            // A temporary directory left behind costs nothing.
        }
    }

    static Path writeInit(Path dir) throws IOException {
        Checkpoints.writeFresh(dir, TINY, 42);
        return dir;
    }

    static WeightedExample example(String taskId, double weight, long policyVersion) {
        int n = Math.abs(taskId.hashCode() % 90) + 10;
        return TrainingExamples.builder(taskId)
                .setPrompt("Q: " + n + "+1=").setChosen(" " + (n + 1)).setRejected(" " + (n + 2))
                .setWeight(weight).setPolicyVersion(policyVersion).build();
    }

    /** {@code count} examples with task ids {@code PREFIX-0 ..}, weights around 1, policy version 0. */
    static List<WeightedExample> examples(String prefix, int count) {
        List<WeightedExample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(example(prefix + "-" + i, 0.5 + (i % 3) * 0.5, 0));
        }
        return out;
    }

    static List<String> taskIds(List<WeightedExample> examples) {
        return examples.stream().map(WeightedExample::getTaskId).toList();
    }

    static Path writeJsonl(Path file, List<WeightedExample> examples) throws IOException {
        Files.write(file, examples.stream().map(RecordJson::toJson).toList());
        return file;
    }

    /** Every task id trained along the lineage of the newest checkpoint, oldest first. */
    static List<String> trainedAlongLineage(CheckpointStore store) throws IOException {
        List<Checkpoint> lineage = new ArrayList<>(store.lineage(store.newest().orElseThrow()));
        java.util.Collections.reverse(lineage);
        List<String> ids = new ArrayList<>();
        for (Checkpoint c : lineage) {
            ids.addAll(CheckpointStore.trainedTasks(c.directory()));
        }
        return ids;
    }
}
