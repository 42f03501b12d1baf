package io.east.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlamaConfigTest {

    /** The fields of the published Llama-3.2-1B config.json (transformers 4 form) that the model reads. */
    private static final String LLAMA_3_2_1B = "{\"architectures\":[\"LlamaForCausalLM\"],\"attention_bias\":false,"
            + "\"bos_token_id\":128000,\"eos_token_id\":128001,\"head_dim\":64,\"hidden_act\":\"silu\","
            + "\"hidden_size\":2048,\"initializer_range\":0.02,\"intermediate_size\":8192,"
            + "\"max_position_embeddings\":131072,\"mlp_bias\":false,\"model_type\":\"llama\","
            + "\"num_attention_heads\":32,\"num_hidden_layers\":16,\"num_key_value_heads\":8,"
            + "\"rms_norm_eps\":1e-05,\"rope_scaling\":{\"factor\":32.0,\"high_freq_factor\":4.0,"
            + "\"low_freq_factor\":1.0,\"original_max_position_embeddings\":8192,\"rope_type\":\"llama3\"},"
            + "\"rope_theta\":500000.0,\"tie_word_embeddings\":true,\"torch_dtype\":\"bfloat16\",\"vocab_size\":128256}";

    @TempDir
    Path dir;

    @Test
    void readsTheTransformers4FormOfLlama32() throws Exception {
        LlamaConfig c = LlamaConfig.fromJson(new ObjectMapper().readTree(LLAMA_3_2_1B));
        assertThat(c.hiddenSize()).isEqualTo(2048);
        assertThat(c.numKeyValueHeads()).isEqualTo(8);
        assertThat(c.kvGroupSize()).isEqualTo(4);
        assertThat(c.tieWordEmbeddings()).isTrue();
        assertThat(c.rope()).isEqualTo(new LlamaConfig.Rope("llama3", 500000, 32, 1, 4, 8192));
        assertThat(c.eosTokenIds()).containsExactly(128001);
        assertThat(c.padTokenId()).isEqualTo(-1);
        assertThat(LlamaModel.expectedShapes(c)).doesNotContainKey("lm_head.weight");
    }

    @Test
    void readsTheTransformers5FixtureAndRoundTrips() throws Exception {
        LlamaConfig c = LlamaConfig.read(Fixtures.checkpoint("llama-tied-fp16").resolve("config.json"));
        assertThat(c.rope().type()).isEqualTo("llama3");
        assertThat(c.rope().originalMaxPositionEmbeddings()).isEqualTo(32);
        Path file = dir.resolve("config.json");
        c.write(file);
        assertThat(LlamaConfig.read(file)).isEqualTo(c);
    }

    @Test
    void severalEndTokens() throws Exception {
        String json = LLAMA_3_2_1B.replace("\"eos_token_id\":128001", "\"eos_token_id\":[128001,128008,128009]");
        LlamaConfig c = LlamaConfig.fromJson(new ObjectMapper().readTree(json));
        assertThat(c.eosTokenIds()).isEqualTo(List.of(128001, 128008, 128009));
        assertThat(c.isEos(128009)).isTrue();
        Path file = dir.resolve("config.json");
        c.write(file);
        assertThat(LlamaConfig.read(file)).isEqualTo(c);
    }

    @Test
    void eachWitherChangesOnlyItsField() {
        LlamaConfig c = LlamaConfig.small(100, 32, 2, 4, 2, 64, 64);
        LlamaConfig.Rope llama3 = new LlamaConfig.Rope("llama3", 500000, 8, 1, 4, 32);

        assertThat(c.withRope(llama3)).isEqualTo(new LlamaConfig(100, 32, 64, 2, 4, 2, 8, 64, 1e-5, llama3, true,
                false, false, 0.02, Tokenizers.BOS_ID, List.of(Tokenizers.EOS_ID), Tokenizers.PAD_ID));
        assertThat(c.withTiedWordEmbeddings(false)).isEqualTo(new LlamaConfig(100, 32, 64, 2, 4, 2, 8, 64, 1e-5,
                c.rope(), false, false, false, 0.02, Tokenizers.BOS_ID, List.of(Tokenizers.EOS_ID), Tokenizers.PAD_ID));
        assertThat(c.withAttentionBias(true)).isEqualTo(new LlamaConfig(100, 32, 64, 2, 4, 2, 8, 64, 1e-5, c.rope(),
                true, true, false, 0.02, Tokenizers.BOS_ID, List.of(Tokenizers.EOS_ID), Tokenizers.PAD_ID));
        assertThat(c.withMlpBias(true)).isEqualTo(new LlamaConfig(100, 32, 64, 2, 4, 2, 8, 64, 1e-5, c.rope(),
                true, false, true, 0.02, Tokenizers.BOS_ID, List.of(Tokenizers.EOS_ID), Tokenizers.PAD_ID));
        assertThat(c.withInitializerRange(0.3)).isEqualTo(new LlamaConfig(100, 32, 64, 2, 4, 2, 8, 64, 1e-5,
                c.rope(), true, false, false, 0.3, Tokenizers.BOS_ID, List.of(Tokenizers.EOS_ID), Tokenizers.PAD_ID));
        assertThat(c.withEosTokenIds(List.of())).isEqualTo(new LlamaConfig(100, 32, 64, 2, 4, 2, 8, 64, 1e-5,
                c.rope(), true, false, false, 0.02, Tokenizers.BOS_ID, List.of(), Tokenizers.PAD_ID));
    }
}
