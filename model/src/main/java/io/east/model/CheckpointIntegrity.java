package io.east.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A manifest of a checkpoint's files and their sizes ({@value #MANIFEST}), written with it, and a check that finds a
 * checkpoint damaged after the fact: a file missing or of another size, JSON that does not parse, a safetensors file
 * whose header does not parse or whose data is shorter than the header says. It reads headers, not tensor data.
 */
public final class CheckpointIntegrity {

    public static final String MANIFEST = "east-files.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointIntegrity() {
    }

    /** Records every regular file of {@code dir} (the manifest itself aside) with its size. */
    public static void writeManifest(Path dir) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = file.getFileName().toString();
                if (!name.equals(MANIFEST)) {
                    sizes.put(name, Files.size(file));
                }
            }
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(MANIFEST).toFile(), sizes);
    }

    /** What is wrong with the checkpoint in {@code dir}, or empty when nothing is found. */
    public static Optional<String> problem(Path dir) {
        try {
            Path manifest = dir.resolve(MANIFEST);
            if (Files.exists(manifest)) {
                Map<String, Long> sizes = JSON.readValue(manifest.toFile(), new TypeReference<TreeMap<String, Long>>() {});
                for (Map.Entry<String, Long> entry : sizes.entrySet()) {
                    Path file = dir.resolve(entry.getKey());
                    if (!Files.isRegularFile(file)) {
                        return Optional.of(entry.getKey() + " is missing");
                    }
                    long size = Files.size(file);
                    if (size != entry.getValue()) {
                        return Optional.of(entry.getKey() + " has " + size + " bytes, the manifest says "
                                + entry.getValue());
                    }
                }
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    Optional<String> damage = damage(file);
                    if (damage.isPresent()) {
                        return damage;
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Optional<String> damage(Path file) {
        String name = file.getFileName().toString();
        try {
            if (name.endsWith(".json")) {
                JSON.readTree(file.toFile());
            } else if (name.endsWith(".jsonl")) {
                int line = 0;
                for (String text : Files.readAllLines(file)) {
                    line++;
                    if (!text.isBlank()) {
                        try {
                            JSON.readTree(text);
                        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                            return Optional.of(name + ":" + line + " does not parse: " + e.getOriginalMessage());
                        }
                    }
                }
            } else if (name.endsWith(".safetensors")) {
                SafeTensors.Header header = SafeTensors.readHeader(file);
                long end = header.tensors().values().stream().mapToLong(SafeTensors.Entry::end).max().orElse(0);
                if (Files.size(file) < header.dataStart() + end) {
                    return Optional.of(name + " is truncated: " + Files.size(file) + " bytes, its header needs "
                            + (header.dataStart() + end));
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(name + " does not read: " + e.getMessage());
        }
    }
}
