package io.east.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {

    @TempDir
    Path dir;

    @Test
    void writeThenReadIsExact() throws Exception {
        for (boolean tied : new boolean[] {true, false}) {
            LlamaConfig config = LlamaConfig.small(100, 32, 2, 4, 2, 64, 64).withTiedWordEmbeddings(tied)
                    .withAttentionBias(true).withMlpBias(true);
            Path target = dir.resolve("ckpt-" + tied);
            try (LlamaModel model = LlamaModel.random(config, 11); TextTokenizer tokenizer = charTokenizer()) {
                Checkpoints.save(target, model, tokenizer, null);
                assertThat(Files.exists(target.resolve("lm_head.weight"))).isFalse();
                try (LlamaModel back = Checkpoints.loadModel(target)) {
                    assertThat(back.config()).isEqualTo(config);
                    assertThat(back.parameters().keySet()).containsExactlyElementsOf(model.parameters().keySet());
                    assertThat(back.parameters().containsKey("lm_head.weight")).isEqualTo(!tied);
                    assertThat(back.parameters().containsKey("model.layers.1.self_attn.q_proj.bias")).isTrue();
                    for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
                        assertThat(back.parameters().get(e.getKey()).toFloatArray())
                                .as(e.getKey()).containsExactly(e.getValue().toFloatArray());
                    }
                }
                assertThat(Files.readString(target.resolve(Checkpoints.TOKENIZER)))
                        .isEqualTo(Files.readString(dir.resolve("tokenizer.json")));
            }
        }
    }

    @Test
    void shardedWeightsAreReadThroughTheIndex() throws Exception {
        Path target = dir.resolve("sharded");
        LlamaConfig config = LlamaConfig.small(100, 32, 2, 4, 2, 64, 64);
        Checkpoints.writeFresh(target, config, 4);
        Map<String, float[]> original = new java.util.LinkedHashMap<>();
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            Map<String, NDArray> all = SafeTensors.read(target.resolve(Checkpoints.WEIGHTS), manager);
            Map<String, NDArray> first = new java.util.LinkedHashMap<>();
            Map<String, NDArray> second = new java.util.LinkedHashMap<>();
            StringBuilder index = new StringBuilder("{\"metadata\": {}, \"weight_map\": {");
            for (Map.Entry<String, NDArray> e : all.entrySet()) {
                original.put(e.getKey(), e.getValue().toFloatArray());
                boolean early = e.getKey().startsWith("model.layers.0.") || e.getKey().startsWith("model.embed");
                (early ? first : second).put(e.getKey(), e.getValue());
                index.append(index.charAt(index.length() - 1) == '{' ? "" : ",")
                        .append('"').append(e.getKey()).append("\": \"model-0000").append(early ? 1 : 2).append("-of-00002.safetensors\"");
            }
            SafeTensors.write(target.resolve("model-00001-of-00002.safetensors"), first, Map.of("format", "pt"));
            SafeTensors.write(target.resolve("model-00002-of-00002.safetensors"), second, Map.of("format", "pt"));
            Files.writeString(target.resolve(Checkpoints.WEIGHTS_INDEX), index.append("}}").toString());
            Files.delete(target.resolve(Checkpoints.WEIGHTS));
        }
        try (LlamaModel model = Checkpoints.loadModel(target)) {
            assertThat(model.parameters().keySet()).containsExactlyInAnyOrderElementsOf(original.keySet());
            original.forEach((name, values) -> assertThat(model.parameters().get(name).toFloatArray()).containsExactly(values));
        }
    }

    @Test
    void filesReadAreConfigTokenizerAndTheWeightsOrTheIndexWithEveryShardItNames() throws Exception {
        assertThat(Checkpoints.filesRead(dir)).containsExactly(dir.resolve(Checkpoints.CONFIG),
                dir.resolve(Checkpoints.TOKENIZER), dir.resolve(Checkpoints.WEIGHTS));

        Files.writeString(dir.resolve(Checkpoints.WEIGHTS_INDEX), "{\"weight_map\": {\"a\": \"model-2.safetensors\","
                + " \"b\": \"model-1.safetensors\", \"c\": \"model-2.safetensors\"}}");
        assertThat(Checkpoints.filesRead(dir)).containsExactly(dir.resolve(Checkpoints.CONFIG),
                dir.resolve(Checkpoints.TOKENIZER), dir.resolve(Checkpoints.WEIGHTS_INDEX),
                dir.resolve("model-1.safetensors"), dir.resolve("model-2.safetensors"));

        Files.writeString(dir.resolve(Checkpoints.WEIGHTS_INDEX), "{\"metadata\": {}}");
        assertThatThrownBy(() -> Checkpoints.filesRead(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining(Checkpoints.WEIGHTS_INDEX).hasMessageContaining("no weight_map");
    }

    @Test
    void aFreshCharacterLevelModelLoadsBack() throws Exception {
        Path target = dir.resolve("fresh");
        LlamaConfig config = LlamaConfig.small(Tokenizers.CHARACTER_LEVEL_VOCAB_SIZE, 32, 1, 2, 1, 64, 128);
        Checkpoints.writeFresh(target, config, 9);
        try (LlamaModel model = Checkpoints.loadModel(target); TextTokenizer tokenizer = TextTokenizer.load(target)) {
            assertThat(model.config()).isEqualTo(config);
            assertThat(tokenizer.decode(tokenizer.encode("#### 42", true))).isEqualTo("#### 42");
            List<Completion> out = new Sampler(model, tokenizer).generate(List.of("Q"), SamplerSettings.greedy(3));
            assertThat(out.get(0).tokenCount()).isBetween(1, 3);
        }
    }

    @Test
    void theTemporaryDirectoryIsRenamedIntoPlace() throws Exception {
        Path target = dir.resolve("step-1");
        Path[] seen = new Path[1];
        Checkpoints.writeAtomically(target, tmp -> {
            assertThat(target).doesNotExist();              // nothing visible while writing
            assertThat(tmp.getParent()).isEqualTo(target.getParent());
            assertThat(tmp.getFileName().toString()).startsWith(".step-1.tmp-");
            Files.writeString(tmp.resolve("a.txt"), "a");
            seen[0] = tmp;
        });
        assertThat(target.resolve("a.txt")).hasContent("a");
        assertThat(seen[0]).doesNotExist();
        assertThat(listing()).containsExactly("step-1");
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws Exception {
        Path target = dir.resolve("step-2");
        assertThatThrownBy(() -> Checkpoints.writeAtomically(target, tmp -> {
            Files.writeString(tmp.resolve("config.json"), "{}");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(target).doesNotExist();
        assertThat(listing()).isEmpty();
    }

    @Test
    void anExistingCheckpointIsReplacedWhole() throws Exception {
        Path target = dir.resolve("latest");
        Checkpoints.writeAtomically(target, tmp -> Files.writeString(tmp.resolve("old.txt"), "old"));
        Checkpoints.writeAtomically(target, tmp -> Files.writeString(tmp.resolve("new.txt"), "new"));
        assertThat(target.resolve("new.txt")).exists();
        assertThat(target.resolve("old.txt")).doesNotExist();
        assertThat(listing()).containsExactly("latest");
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("tokenizer.json")).toList();
        }
    }

    private TextTokenizer charTokenizer() throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Tokenizers.writeCharacterLevel(file);
        return TextTokenizer.load(file);
    }
}
