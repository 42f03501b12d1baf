package io.east.trainer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.east.model.CheckpointIntegrity;
import io.east.model.Checkpoints;
import io.east.model.FileTrees;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The --checkpoint-dir: one directory per model version, {@code vNNNNNN} (six digits or more), each in the Hugging
 * Face layout plus optimizer.safetensors, {@value Checkpoints#STATE_FILE}, {@value #TRAINED_TASKS} (the task ids
 * trained since the parent version, one per line, in training order) and {@value #SKIPPED} (records consumed since
 * the parent but not trained, one JSON object per line with its reason).
 *
 * <p>Every checkpoint is written into a hidden temporary sibling and renamed into place in one step
 * ({@link Checkpoints#writeAtomically}), so a version directory is either absent or complete. A crash mid-write
 * leaves only the hidden {@code .vNNNNNN.tmp-*} directory, which {@link #cleanUp} removes. Versions are never
 * overwritten: the newest complete version is where a restart resumes.
 */
public final class CheckpointStore {

    public static final String TRAINED_TASKS = "trained-tasks.txt";
    public static final String SKIPPED = "skipped.jsonl";

    /** How {@link io.east.model.train.Trainer#save} fills a directory; tests pass a fake. */
    @FunctionalInterface
    public interface ModelSaver {
        void save(Path target, Checkpoints.DirectoryWriter extra) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final Pattern VERSION_DIR = Pattern.compile("v(\\d{6,18})");
    /** What Checkpoints.writeAtomically leaves behind when a process dies mid-write. */
    private static final Pattern LEFTOVER = Pattern.compile("\\.(v\\d{6,18})\\.(tmp|old)-.*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    public CheckpointStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path directoryFor(long version) {
        return root.resolve(String.format("v%06d", version));
    }

    /**
     * Removes what a crash mid-write left: temporary directories are deleted. An {@code .old-} directory is a
     * complete checkpoint that was being replaced; it is put back if its version is missing, else deleted.
     *
     * @return how many leftovers were handled
     */
    public int cleanUp() throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int handled = setAsideDamaged();
        for (Path entry : children()) {
            Matcher m = LEFTOVER.matcher(entry.getFileName().toString());
            if (!m.matches() || !Files.isDirectory(entry)) {
                continue;
            }
            Path target = root.resolve(m.group(1));
            if (m.group(2).equals("old") && !Files.exists(target)) {
                Files.move(entry, target, StandardCopyOption.ATOMIC_MOVE);
                LOG.atWarn().addKeyValue("directory", target).log("restored a checkpoint a crash left renamed aside");
            } else {
                FileTrees.deleteRecursively(entry);
                LOG.atInfo().addKeyValue("directory", entry).log("removed what a crashed checkpoint write left");
            }
            handled++;
        }
        return handled;
    }

    /**
     * Moves the newest checkpoints, as long as they are incomplete or damaged (see {@link CheckpointIntegrity}), to
     * hidden siblings, each with one WARN naming it and what is wrong, so that training resumes from the newest sound
     * one and can write those versions again. What was set aside stays for inspection.
     */
    private int setAsideDamaged() throws IOException {
        int handled = 0;
        List<Path> newestFirst = new ArrayList<>(children().stream().filter(entry -> versionOf(entry).isPresent())
                .sorted(Comparator.comparingLong((Path entry) -> versionOf(entry).getAsLong()).reversed()).toList());
        for (Path entry : newestFirst) {
            Optional<String> problem = isComplete(entry) ? damage(entry) : Optional.of("files are missing");
            if (problem.isPresent()) {
                Path aside = root.resolve("." + entry.getFileName() + ".damaged-" + System.currentTimeMillis());
                Files.move(entry, aside, StandardCopyOption.ATOMIC_MOVE);
                LOG.atWarn().addKeyValue("checkpoint", entry).addKeyValue("problem", problem.get())
                        .addKeyValue("moved_to", aside).log("skipping a damaged checkpoint; training resumes from the "
                                + "newest sound one before it");
                handled++;
            } else {
                break;
            }
        }
        return handled;
    }

    private static Optional<String> damage(Path dir) {
        Optional<String> files = CheckpointIntegrity.problem(dir);
        if (files.isPresent()) {
            return files;
        }
        try {
            TrainerStateFile.read(dir);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(Checkpoints.STATE_FILE + ": " + e.getMessage());
        }
    }

    /** Complete checkpoints, oldest version first. Directories that are not complete are skipped with a warning. */
    public List<Checkpoint> list() throws IOException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return checkpoints;
        }
        for (Path entry : children()) {
            OptionalLong version = versionOf(entry);
            if (version.isEmpty()) {
                continue;
            }
            if (!isComplete(entry)) {
                LOG.atWarn().addKeyValue("directory", entry).log("not a complete checkpoint, ignored");
                continue;
            }
            TrainerState state = TrainerStateFile.read(entry);
            if (state.version() != version.getAsLong()) {
                LOG.atWarn().addKeyValue("directory", entry).addKeyValue("state_version", state.version())
                        .log("directory name and east-state.json disagree on the version, ignored");
                continue;
            }
            checkpoints.add(new Checkpoint(entry, state));
        }
        checkpoints.sort(Comparator.comparingLong(Checkpoint::version));
        return checkpoints;
    }

    public Optional<Checkpoint> newest() throws IOException {
        List<Checkpoint> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public Optional<Checkpoint> find(long version) throws IOException {
        Path dir = directoryFor(version);
        if (!isComplete(dir)) {
            return Optional.empty();
        }
        return Optional.of(new Checkpoint(dir, TrainerStateFile.read(dir)));
    }

    /**
     * The checkpoint and its ancestors in this store, newest first, following parent_version until a parent that
     * is not here (the init checkpoint).
     */
    public List<Checkpoint> lineage(Checkpoint from) throws IOException {
        List<Checkpoint> chain = new ArrayList<>();
        Checkpoint current = from;
        while (current != null) {
            chain.add(current);
            Long parent = current.state().parentVersion();
            current = parent == null || parent >= current.version() ? null : find(parent).orElse(null);
        }
        return chain;
    }

    /**
     * Writes the next checkpoint atomically under {@code vNNNNNN} of {@code state.version()}.
     *
     * @throws IllegalStateException when that version exists already (versions are never overwritten)
     */
    public Checkpoint write(TrainerState state, List<String> trainedTasks, List<SkippedExample> skipped,
            ModelSaver saver) throws IOException {
        Path target = directoryFor(state.version());
        if (Files.exists(target)) {
            throw new IllegalStateException("checkpoint " + target + " exists already; versions are never overwritten");
        }
        Files.createDirectories(root);
        saver.save(target, dir -> {
            Files.write(dir.resolve(TRAINED_TASKS), trainedTasks, StandardCharsets.UTF_8);
            writeSkipped(dir.resolve(SKIPPED), skipped);
            TrainerStateFile.write(dir, state);
        });
        return new Checkpoint(target, state);
    }

    /** The task ids a checkpoint lists as trained since its parent. */
    public static List<String> trainedTasks(Path checkpoint) throws IOException {
        Path file = checkpoint.resolve(TRAINED_TASKS);
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isEmpty()).toList();
    }

    /** A directory that holds a checkpoint: the model files and the trainer state. */
    public static boolean isComplete(Path dir) {
        return Files.isRegularFile(dir.resolve(Checkpoints.STATE_FILE))
                && Files.isRegularFile(dir.resolve(Checkpoints.CONFIG))
                && Files.isRegularFile(dir.resolve(Checkpoints.TOKENIZER))
                && (Files.isRegularFile(dir.resolve(Checkpoints.WEIGHTS))
                        || Files.isRegularFile(dir.resolve(Checkpoints.WEIGHTS_INDEX)));
    }

    private static OptionalLong versionOf(Path entry) {
        Matcher m = VERSION_DIR.matcher(entry.getFileName().toString());
        return m.matches() && Files.isDirectory(entry) ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    private List<Path> children() throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.sorted().toList();
        }
    }

    private static void writeSkipped(Path file, List<SkippedExample> skipped) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (SkippedExample s : skipped) {
                ObjectNode line = JSON.createObjectNode();
                line.put("source", s.position().key());
                line.put("offset", s.position().offset());
                line.put("task_id", s.taskId());
                line.put("reason", s.reason().id());
                line.put("detail", s.detail());
                out.write(JSON.writeValueAsString(line));
                out.write('\n');
            }
        }
    }

}
