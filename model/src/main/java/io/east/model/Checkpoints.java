package io.east.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoint directories in the Hugging Face Llama layout: config.json, model.safetensors (transformers'
 * tensor names; fp32, fp16 or bf16 read, fp32 or bf16 written; a sharded model.safetensors.index.json is read
 * too) and tokenizer.json. Other files (the trainer's optimizer.safetensors and east-state.json) are added
 * through a {@link DirectoryWriter} so they land in the same atomic rename.
 */
public final class Checkpoints {

    public static final String CONFIG = "config.json";
    public static final String WEIGHTS = "model.safetensors";
    public static final String WEIGHTS_INDEX = "model.safetensors.index.json";
    public static final String TOKENIZER = "tokenizer.json";
    /** The trainer's record of the run beside the weights; whoever needs a checkpoint's version reads it there. */
    public static final String STATE_FILE = "east-state.json";

    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoints() {}

    /** Fills a directory that is not yet visible under its final name. */
    @FunctionalInterface
    public interface DirectoryWriter {
        void write(Path directory) throws IOException;
    }

    /** Reads config.json and the weights of a checkpoint directory, as fp32 weights computing in fp32. */
    public static LlamaModel loadModel(Path dir) throws IOException {
        return loadModel(dir, Precision.FP32, Precision.FP32);
    }

    /**
     * Reads a checkpoint with its weights stored as {@code weights} (whatever the file holds) and forward passes
     * computing in {@code compute}: fp32/bf16 is mixed precision for training, bf16/bf16 halves the memory of a
     * model that only samples.
     */
    public static LlamaModel loadModel(Path dir, Precision weights, Precision compute) throws IOException {
        LlamaConfig config = LlamaConfig.read(dir.resolve(CONFIG));
        NDManager manager = NDManager.newBaseManager();
        try {
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            for (Path file : weightFiles(dir)) {
                tensors.putAll(SafeTensors.read(file, manager, weights));
            }
            Set<String> expected = LlamaModel.expectedShapes(config).keySet();
            Set<String> ignored = new TreeSet<>();
            tensors.entrySet().removeIf(e -> {
                if (expected.contains(e.getKey())) {
                    return false;
                }
                ignored.add(e.getKey());     // a tied lm_head copy, old rotary inv_freq buffers, ...
                e.getValue().close();
                return true;
            });
            if (!ignored.isEmpty()) {
                LOG.info("{}: ignoring tensors the model does not use: {}", dir, ignored);
            }
            LlamaModel model = new LlamaModel(config, manager, tensors, compute);
            LOG.atInfo().addKeyValue("parameters", model.parameterCount()).addKeyValue("layers", config.numHiddenLayers())
                    .addKeyValue("weights", weights).addKeyValue("compute", compute)
                    .addKeyValue("fused_kernels", model.fusedKernels()).log("loaded {}", dir);
            return model;
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Every file loading the checkpoint in {@code dir} reads: config.json, tokenizer.json, then model.safetensors,
     * or the shard index followed by every shard it names. The loader takes its weight files from the same place,
     * so whoever checks these files before a load checks all that the load opens.
     *
     * @throws IOException when the shard index cannot be read or names no weight_map
     */
    public static List<Path> filesRead(Path dir) throws IOException {
        List<Path> files = new ArrayList<>(List.of(dir.resolve(CONFIG), dir.resolve(TOKENIZER)));
        Path index = dir.resolve(WEIGHTS_INDEX);
        if (Files.exists(index)) {
            files.add(index);
        }
        files.addAll(weightFiles(dir));
        return List.copyOf(files);
    }

    private static Set<Path> weightFiles(Path dir) throws IOException {
        Set<Path> files = new TreeSet<>();
        Path index = dir.resolve(WEIGHTS_INDEX);
        if (Files.exists(index)) {
            JsonNode map = JSON.readTree(index.toFile()).path("weight_map");
            if (!map.isObject()) {
                throw new IOException(index + " has no weight_map object");
            }
            map.forEach(file -> files.add(dir.resolve(file.asText())));
        } else {
            files.add(dir.resolve(WEIGHTS));
        }
        return files;
    }

    /** Writes config.json and model.safetensors (fp32) into an existing directory. */
    public static void writeModel(LlamaModel model, Path dir) throws IOException {
        writeModel(model, dir, Precision.FP32);
    }

    /** Writes config.json and model.safetensors with the weights stored as {@code file}. */
    public static void writeModel(LlamaModel model, Path dir, Precision file) throws IOException {
        model.config().write(dir.resolve(CONFIG), file);
        SafeTensors.write(dir.resolve(WEIGHTS), model.parameters(), Map.of("format", "pt"), file);
    }

    /** The precision a checkpoint's weights are stored in (bf16 when model.safetensors holds any BF16 tensor). */
    public static Precision weightPrecision(Path dir) throws IOException {
        for (Path file : weightFiles(dir)) {
            if (SafeTensors.floatPrecision(file) == Precision.BF16) {
                return Precision.BF16;
            }
        }
        return Precision.FP32;
    }

    /** Atomically writes model, tokenizer and whatever {@code extra} adds (may be null) to {@code target}. */
    public static void save(Path target, LlamaModel model, TextTokenizer tokenizer, DirectoryWriter extra)
            throws IOException {
        save(target, model, tokenizer, Precision.FP32, extra);
    }

    /** {@link #save(Path, LlamaModel, TextTokenizer, DirectoryWriter)} with the weights stored as {@code file}. */
    public static void save(Path target, LlamaModel model, TextTokenizer tokenizer, Precision file,
            DirectoryWriter extra) throws IOException {
        writeAtomically(target, dir -> {
            writeModel(model, dir, file);
            tokenizer.save(dir.resolve(TOKENIZER));
            if (extra != null) {
                extra.write(dir);
            }
        });
        LOG.info("saved checkpoint {}", target);
    }

    /**
     * Writes a freshly initialised model with the character-level tokenizer of {@link Tokenizers} to
     * {@code target}: the starting point for training a small model from scratch.
     */
    public static void writeFresh(Path target, LlamaConfig config, long seed) throws IOException {
        if (config.vocabSize() != Tokenizers.CHARACTER_LEVEL_VOCAB_SIZE) {
            throw new IllegalArgumentException("the character-level vocabulary has "
                    + Tokenizers.CHARACTER_LEVEL_VOCAB_SIZE + " tokens, the config " + config.vocabSize());
        }
        writeAtomically(target, dir -> {
            Tokenizers.writeCharacterLevel(dir.resolve(TOKENIZER));
            try (LlamaModel model = LlamaModel.random(config, seed)) {
                writeModel(model, dir);
            }
        });
        LOG.info("wrote a fresh {}-layer model with a character-level tokenizer to {}", config.numHiddenLayers(), target);
    }

    /**
     * Fills a hidden temporary sibling of {@code target} and renames it into place, so a reader sees
     * either no directory or a complete one. On failure the temporary directory is deleted. An existing
     * {@code target} is first renamed aside and deleted after the new one is in place.
     */
    public static void writeAtomically(Path target, DirectoryWriter contents) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        String name = absolute.getFileName().toString();
        Path temp = Files.createTempDirectory(parent, "." + name + ".tmp-");
        try {
            readableByOthers(temp);
            contents.write(temp);
            CheckpointIntegrity.writeManifest(temp);
            syncFiles(temp);
            syncDirectory(temp);
            if (Files.exists(absolute)) {
                Path old = parent.resolve("." + name + ".old-" + System.nanoTime());
                Files.move(absolute, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
                FileTrees.deleteRecursively(old);
            } else {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            }
            syncDirectory(parent);
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteRecursively(temp);
            throw e;
        }
    }

    /** Temporary directories are created owner-only; generator workers may run as another user. */
    private static void readableByOthers(Path dir) throws IOException {
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Every file the writer left, on disk before the rename makes them visible: a crash then shows all or none. */
    private static void syncFiles(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
        }
    }

    private static void syncDirectory(Path dir) {
        // Makes the rename durable on Linux; some platforms refuse to open a directory, which is harmless.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
        }
    }

}
