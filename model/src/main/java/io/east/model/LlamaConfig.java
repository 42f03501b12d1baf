package io.east.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sizes of a Llama-layout decoder, as Hugging Face's config.json spells them (model_type "llama").
 *
 * <p>Reads both the transformers 4 form ({@code rope_theta} + {@code rope_scaling}, as the published
 * Llama 3.2 configs are) and the transformers 5 form ({@code rope_parameters}); writes both, so either
 * version of transformers loads what we write.
 *
 * @param eosTokenIds every id that ends a generation (Llama 3 instruct models have several)
 * @param padTokenId -1 when the checkpoint names none
 */
public record LlamaConfig(
        int vocabSize,
        int hiddenSize,
        int intermediateSize,
        int numHiddenLayers,
        int numAttentionHeads,
        int numKeyValueHeads,
        int headDim,
        int maxPositionEmbeddings,
        double rmsNormEps,
        Rope rope,
        boolean tieWordEmbeddings,
        boolean attentionBias,
        boolean mlpBias,
        double initializerRange,
        int bosTokenId,
        List<Integer> eosTokenIds,
        int padTokenId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Rotary position embedding settings. {@code type} is "default" or "llama3" (the frequency rescaling
     * that Llama 3.1 / 3.2 use); the llama3 fields are ignored for "default".
     */
    public record Rope(String type, double theta, double factor, double lowFreqFactor, double highFreqFactor,
                       int originalMaxPositionEmbeddings) {
        public static Rope standard(double theta) {
            return new Rope("default", theta, 1, 1, 1, 0);
        }

        public Rope {
            if (!type.equals("default") && !type.equals("llama3")) {
                throw new IllegalArgumentException("unsupported rope_type " + type + " (supported: default, llama3)");
            }
        }
    }

    public LlamaConfig {
        eosTokenIds = List.copyOf(eosTokenIds);
        if (numAttentionHeads % numKeyValueHeads != 0) {
            throw new IllegalArgumentException("num_attention_heads must be a multiple of num_key_value_heads");
        }
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("rotary embeddings need an even head_dim");
        }
    }

    /** A small model for training from scratch; special ids follow {@link Tokenizers#writeCharacterLevel}. */
    public static LlamaConfig small(int vocabSize, int hiddenSize, int numLayers, int numHeads, int numKeyValueHeads,
                                    int intermediateSize, int maxPositions) {
        return new LlamaConfig(vocabSize, hiddenSize, intermediateSize, numLayers, numHeads, numKeyValueHeads,
                hiddenSize / numHeads, maxPositions, 1e-5, Rope.standard(10000), true, false, false, 0.02,
                Tokenizers.BOS_ID, List.of(Tokenizers.EOS_ID), Tokenizers.PAD_ID);
    }

    /** This config with other rotary embedding settings. */
    public LlamaConfig withRope(Rope other) {
        return new LlamaConfig(vocabSize, hiddenSize, intermediateSize, numHiddenLayers, numAttentionHeads,
                numKeyValueHeads, headDim, maxPositionEmbeddings, rmsNormEps, other, tieWordEmbeddings, attentionBias,
                mlpBias, initializerRange, bosTokenId, eosTokenIds, padTokenId);
    }

    /** This config with the output projection tied to the embeddings, or given weights of its own. */
    public LlamaConfig withTiedWordEmbeddings(boolean tied) {
        return new LlamaConfig(vocabSize, hiddenSize, intermediateSize, numHiddenLayers, numAttentionHeads,
                numKeyValueHeads, headDim, maxPositionEmbeddings, rmsNormEps, rope, tied, attentionBias, mlpBias,
                initializerRange, bosTokenId, eosTokenIds, padTokenId);
    }

    /** This config with or without biases on the attention projections. */
    public LlamaConfig withAttentionBias(boolean bias) {
        return new LlamaConfig(vocabSize, hiddenSize, intermediateSize, numHiddenLayers, numAttentionHeads,
                numKeyValueHeads, headDim, maxPositionEmbeddings, rmsNormEps, rope, tieWordEmbeddings, bias, mlpBias,
                initializerRange, bosTokenId, eosTokenIds, padTokenId);
    }

    /** This config with or without biases on the MLP projections. */
    public LlamaConfig withMlpBias(boolean bias) {
        return new LlamaConfig(vocabSize, hiddenSize, intermediateSize, numHiddenLayers, numAttentionHeads,
                numKeyValueHeads, headDim, maxPositionEmbeddings, rmsNormEps, rope, tieWordEmbeddings, attentionBias,
                bias, initializerRange, bosTokenId, eosTokenIds, padTokenId);
    }

    /** This config with another standard deviation for freshly initialised weights. */
    public LlamaConfig withInitializerRange(double range) {
        return new LlamaConfig(vocabSize, hiddenSize, intermediateSize, numHiddenLayers, numAttentionHeads,
                numKeyValueHeads, headDim, maxPositionEmbeddings, rmsNormEps, rope, tieWordEmbeddings, attentionBias,
                mlpBias, range, bosTokenId, eosTokenIds, padTokenId);
    }

    /** This config with other end tokens; none makes every generation run to its length limit. */
    public LlamaConfig withEosTokenIds(List<Integer> ids) {
        return new LlamaConfig(vocabSize, hiddenSize, intermediateSize, numHiddenLayers, numAttentionHeads,
                numKeyValueHeads, headDim, maxPositionEmbeddings, rmsNormEps, rope, tieWordEmbeddings, attentionBias,
                mlpBias, initializerRange, bosTokenId, ids, padTokenId);
    }

    public int kvGroupSize() {
        return numAttentionHeads / numKeyValueHeads;
    }

    public boolean isEos(long tokenId) {
        return eosTokenIds.contains((int) tokenId);
    }

    public static LlamaConfig read(Path configJson) throws IOException {
        return fromJson(JSON.readTree(configJson.toFile()));
    }

    public static LlamaConfig fromJson(JsonNode json) {
        String modelType = json.path("model_type").asText("llama");
        if (!modelType.equals("llama")) {
            throw new IllegalArgumentException("model_type " + modelType + " is not a Llama checkpoint");
        }
        String act = json.path("hidden_act").asText("silu");
        if (!act.equals("silu")) {
            throw new IllegalArgumentException("hidden_act " + act + " is not supported (SwiGLU uses silu)");
        }
        int hidden = json.get("hidden_size").asInt();
        int heads = json.get("num_attention_heads").asInt();
        int headDim = json.hasNonNull("head_dim") ? json.get("head_dim").asInt() : hidden / heads;
        return new LlamaConfig(
                json.get("vocab_size").asInt(),
                hidden,
                json.get("intermediate_size").asInt(),
                json.get("num_hidden_layers").asInt(),
                heads,
                json.hasNonNull("num_key_value_heads") ? json.get("num_key_value_heads").asInt() : heads,
                headDim,
                json.path("max_position_embeddings").asInt(2048),
                json.path("rms_norm_eps").asDouble(1e-6),
                readRope(json),
                json.path("tie_word_embeddings").asBoolean(false),
                json.path("attention_bias").asBoolean(false),
                json.path("mlp_bias").asBoolean(false),
                json.path("initializer_range").asDouble(0.02),
                json.path("bos_token_id").asInt(1),
                readIds(json.get("eos_token_id")),
                json.hasNonNull("pad_token_id") ? json.get("pad_token_id").asInt() : -1);
    }

    private static Rope readRope(JsonNode json) {
        // transformers 5 nests everything in rope_parameters; transformers 4 has rope_theta + rope_scaling.
        JsonNode params = json.path("rope_parameters");
        JsonNode scaling = params.isObject() ? params : json.path("rope_scaling");
        double theta = params.isObject() && params.has("rope_theta")
                ? params.get("rope_theta").asDouble()
                : json.path("rope_theta").asDouble(10000);
        if (!scaling.isObject()) {
            return Rope.standard(theta);
        }
        String type = scaling.has("rope_type") ? scaling.get("rope_type").asText() : scaling.path("type").asText("default");
        return new Rope(type, theta, scaling.path("factor").asDouble(1), scaling.path("low_freq_factor").asDouble(1),
                scaling.path("high_freq_factor").asDouble(1), scaling.path("original_max_position_embeddings").asInt(0));
    }

    private static List<Integer> readIds(JsonNode node) {
        List<Integer> ids = new ArrayList<>();
        if (node == null || node.isNull()) {
            return ids;
        }
        if (node.isArray()) {
            node.forEach(n -> ids.add(n.asInt()));
        } else {
            ids.add(node.asInt());
        }
        return ids;
    }

    /** transformers' config.json for a checkpoint whose tensors are stored as {@code weights}. */
    public ObjectNode toJson(Precision weights) {
        ObjectNode json = JSON.createObjectNode();
        json.putArray("architectures").add("LlamaForCausalLM");
        json.put("model_type", "llama");
        json.put("vocab_size", vocabSize);
        json.put("hidden_size", hiddenSize);
        json.put("intermediate_size", intermediateSize);
        json.put("num_hidden_layers", numHiddenLayers);
        json.put("num_attention_heads", numAttentionHeads);
        json.put("num_key_value_heads", numKeyValueHeads);
        json.put("head_dim", headDim);
        json.put("hidden_act", "silu");
        json.put("max_position_embeddings", maxPositionEmbeddings);
        json.put("rms_norm_eps", rmsNormEps);
        json.put("rope_theta", rope.theta());
        ObjectNode parameters = json.putObject("rope_parameters");
        parameters.put("rope_type", rope.type());
        parameters.put("rope_theta", rope.theta());
        if (rope.type().equals("llama3")) {
            ObjectNode scaling = json.putObject("rope_scaling");
            for (ObjectNode node : List.of(scaling, parameters)) {
                node.put("rope_type", "llama3");
                node.put("factor", rope.factor());
                node.put("low_freq_factor", rope.lowFreqFactor());
                node.put("high_freq_factor", rope.highFreqFactor());
                node.put("original_max_position_embeddings", rope.originalMaxPositionEmbeddings());
            }
        } else {
            json.putNull("rope_scaling");
        }
        json.put("tie_word_embeddings", tieWordEmbeddings);
        json.put("attention_bias", attentionBias);
        json.put("mlp_bias", mlpBias);
        json.put("initializer_range", initializerRange);
        json.put("bos_token_id", bosTokenId);
        if (eosTokenIds.size() == 1) {
            json.put("eos_token_id", eosTokenIds.get(0));
        } else {
            ArrayNode eos = json.putArray("eos_token_id");
            eosTokenIds.forEach(eos::add);
        }
        if (padTokenId >= 0) {
            json.put("pad_token_id", padTokenId);
        } else {
            json.putNull("pad_token_id");
        }
        json.put("torch_dtype", weights.torchName());
        json.put("dtype", weights.torchName());
        return json;
    }

    public void write(Path configJson) throws IOException {
        write(configJson, Precision.FP32);
    }

    /** config.json naming {@code weights} as the dtype of the checkpoint's tensors. */
    public void write(Path configJson, Precision weights) throws IOException {
        Files.writeString(configJson, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(weights)));
    }
}
