package io.east.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.model.CheckpointIntegrity;
import io.east.model.Checkpoints;
import io.east.model.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    @TempDir
    Path root;

    /** A safetensors file without tensors: its 8-byte little-endian header length, then the header {}. */
    private static final byte[] EMPTY_SAFETENSORS = {2, 0, 0, 0, 0, 0, 0, 0, '{', '}'};

    /** Writes what Trainer.save would, minus real weights. */
    private static final CheckpointStore.ModelSaver FAKE_MODEL = (target, extra) -> Checkpoints.writeAtomically(target,
            dir -> {
                Files.writeString(dir.resolve(Checkpoints.CONFIG), "{}");
                Files.write(dir.resolve(Checkpoints.WEIGHTS), EMPTY_SAFETENSORS);
                Files.writeString(dir.resolve(Checkpoints.TOKENIZER), "{}");
                extra.write(dir);
            });

    private static TrainerState state(long version, Long parent) {
        return new TrainerState(version, parent, version * 10, version * 40, 1, 0, "sft", 1.5, null,
                "kafka:east.weighted", Map.of("east.weighted-0", version * 40), "/models/base",
                Instant.parse("2025-03-14T15:09:26.535Z"));
    }

    private Checkpoint write(CheckpointStore store, long version, Long parent, List<String> tasks) throws IOException {
        return store.write(state(version, parent), tasks, List.of(), FAKE_MODEL);
    }

    /** Versions 1, 2, ... each trained on one of {@code tasks} on top of the one before. */
    private CheckpointStore chain(String... tasks) throws IOException {
        CheckpointStore store = new CheckpointStore(root);
        for (int i = 0; i < tasks.length; i++) {
            write(store, i + 1, (long) i, List.of(tasks[i]));
        }
        return store;
    }

    @Test
    void anEmptyOrMissingDirectoryHasNoNewest() throws IOException {
        assertThat(new CheckpointStore(root).newest()).isEmpty();
        assertThat(new CheckpointStore(root.resolve("absent")).newest()).isEmpty();
    }

    @Test
    void theNewestIsTheHighestCompleteVersion() throws IOException {
        CheckpointStore store = new CheckpointStore(root);
        write(store, 1, 0L, List.of("a"));
        write(store, 2, 1L, List.of("b"));
        write(store, 10, 2L, List.of("c"));
        Path incomplete = Files.createDirectories(root.resolve("v000011"));
        Files.writeString(incomplete.resolve(Checkpoints.CONFIG), "{}");     // no state, no weights
        Files.createDirectories(root.resolve("v000012-notes"));
        Files.createDirectories(root.resolve("init"));

        Checkpoint newest = store.newest().orElseThrow();

        assertThat(newest.version()).isEqualTo(10);
        assertThat(newest.directory()).isEqualTo(root.resolve("v000010"));
        assertThat(store.list()).extracting(Checkpoint::version).containsExactly(1L, 2L, 10L);
        assertThat(newest.state()).isEqualTo(state(10, 2L));
    }

    @Test
    void versionsAreNeverOverwritten() throws IOException {
        CheckpointStore store = new CheckpointStore(root);
        write(store, 1, 0L, List.of("a"));
        assertThatThrownBy(() -> write(store, 1, 0L, List.of("b"))).isInstanceOf(IllegalStateException.class);
        assertThat(CheckpointStore.trainedTasks(root.resolve("v000001"))).containsExactly("a");
    }

    @Test
    void aCheckpointListsItsTrainedTasksAndSkippedRecords() throws IOException {
        CheckpointStore store = new CheckpointStore(root);
        Checkpoint c = store.write(state(1, 0L), List.of("t-1", "t-2"), List.of(new SkippedExample(
                new SourcePosition("east.weighted-0", 7), "t-9", SkipReason.STALE, "policy_version 0 lags")), FAKE_MODEL);

        assertThat(CheckpointStore.trainedTasks(c.directory())).containsExactly("t-1", "t-2");
        assertThat(Files.readAllLines(c.directory().resolve(CheckpointStore.SKIPPED))).singleElement().asString()
                .contains("\"task_id\":\"t-9\"", "\"reason\":\"stale\"", "\"offset\":7", "\"source\":\"east.weighted-0\"");
        assertThat(c.uri()).startsWith("file:/").endsWith("/v000001/");
        assertThat(c.toModelVersion().getParentVersion()).isEqualTo(0L);
        assertThat(c.toModelVersion().getExamplesSeen()).isEqualTo(40L);
    }

    @Test
    void theLineageFollowsParentsUntilTheInitCheckpoint() throws IOException {
        CheckpointStore store = chain("a", "b", "c");
        assertThat(store.lineage(store.newest().orElseThrow())).extracting(Checkpoint::version).containsExactly(3L, 2L, 1L);
        assertThat(TestExamples.trainedAlongLineage(store)).containsExactly("a", "b", "c");
    }

    @Test
    void aTruncatedOrCorruptFileSetsTheNewestCheckpointAsideAndTheOneBeforeBecomesTheNewest() throws IOException {
        CheckpointStore store = new CheckpointStore(root);
        write(store, 1, 0L, List.of("a"));
        store.write(state(2, 1L), List.of("b", "c"), List.of(new SkippedExample(
                new SourcePosition("east.weighted-0", 41), "d", SkipReason.STALE, "lags")), FAKE_MODEL);
        Path v2 = root.resolve("v000002");
        Path pristine = Files.createTempDirectory("east-pristine-v2");
        List<String> names = copyFiles(v2, pristine);
        assertThat(names).contains(Checkpoints.WEIGHTS, Checkpoints.STATE_FILE, CheckpointStore.TRAINED_TASKS,
                CheckpointStore.SKIPPED, CheckpointIntegrity.MANIFEST);

        for (String name : names) {
            for (String damage : List.of("truncated", "corrupt")) {
                if (damage.equals("corrupt") && name.equals(CheckpointStore.TRAINED_TASKS)) {
                    continue;       // a list of task ids has no form to check; truncating it still shows
                }
                FileTrees.deleteRecursively(v2);
                copyFiles(pristine, Files.createDirectories(v2));
                Path file = v2.resolve(name);
                byte[] bytes = Files.readAllBytes(file);
                if (damage.equals("truncated")) {
                    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
                } else {
                    byte[] garbage = bytes.length == 0 ? new byte[16] : bytes.clone();
                    java.util.Arrays.fill(garbage, 0, Math.min(16, garbage.length), (byte) 0xFF);
                    Files.write(file, garbage);
                }

                assertThat(store.cleanUp()).as(name + " " + damage).isEqualTo(1);

                assertThat(store.newest().orElseThrow().version()).as(name + " " + damage).isEqualTo(1);
                assertThat(v2).doesNotExist();
                try (var entries = Files.list(root)) {
                    List<Path> aside = entries.filter(p -> p.getFileName().toString().startsWith(".v000002.damaged-"))
                            .toList();
                    assertThat(aside).as("kept for inspection").hasSize(1);
                    FileTrees.deleteRecursively(aside.get(0));
                }
            }
        }
        FileTrees.deleteRecursively(pristine);
    }

    @Test
    void aSoundNewestCheckpointIsLeftAlone() throws IOException {
        CheckpointStore store = chain("a", "b");

        assertThat(store.cleanUp()).isZero();
        assertThat(store.newest().orElseThrow().version()).isEqualTo(2);
    }

    private static List<String> copyFiles(Path from, Path to) throws IOException {
        try (var files = Files.list(from)) {
            List<Path> all = files.toList();
            for (Path file : all) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
            return all.stream().map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void cleanUpRemovesWhatACrashedWriteLeftAndRestoresACheckpointRenamedAside() throws IOException {
        CheckpointStore store = new CheckpointStore(root);
        write(store, 1, 0L, List.of("a"));
        Path tmp = Files.createDirectories(root.resolve(".v000003.tmp-123456"));
        Files.writeString(tmp.resolve(Checkpoints.WEIGHTS), "half written");
        write(store, 2, 1L, List.of("b"));
        Path renamedAside = root.resolve(".v000002.old-99");
        Files.move(root.resolve("v000002"), renamedAside);
        Path staleOld = Files.createDirectories(root.resolve(".v000001.old-77"));
        Path unrelated = Files.createDirectories(root.resolve(".cache"));

        assertThat(store.cleanUp()).isEqualTo(3);

        assertThat(tmp).doesNotExist();
        assertThat(staleOld).doesNotExist();
        assertThat(renamedAside).doesNotExist();
        assertThat(unrelated).exists();
        assertThat(store.newest().orElseThrow().version()).isEqualTo(2);
    }
}
