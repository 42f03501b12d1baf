package io.east.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.east.model.train.LearningRateSchedule;
import io.east.model.train.LossKind;
import io.east.model.train.Trainer;
import io.east.model.train.TrainerSettings;
import io.east.model.train.TrainingExample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java half of the check that transformers reads what we write (fixtures/README.md): writes two checkpoints
 * (tied + Llama 3 RoPE + GQA after a few training steps; untied with attention and MLP biases), each in fp32 and in
 * bf16, and beside each java-logits.safetensors for a fixed left-padded input, computed from the weights as stored.
 * check_java_checkpoint.py then loads each directory with AutoModelForCausalLM and compares.
 */
public final class JavaCheckpointExport {

    private JavaCheckpointExport() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/east-java-checkpoints");
        Files.createDirectories(out);
        Path tokenizerFile = out.resolve("tokenizer.json");
        Tokenizers.writeCharacterLevel(tokenizerFile);
        LlamaConfig base = LlamaConfig.small(100, 64, 2, 4, 2, 96, 128).withInitializerRange(0.2);
        LlamaConfig tiedLlama3 = base.withRope(new LlamaConfig.Rope("llama3", 500000, 8, 1, 4, 32));
        LlamaConfig untiedBiased = base.withTiedWordEmbeddings(false).withAttentionBias(true).withMlpBias(true);
        try (TextTokenizer tokenizer = TextTokenizer.load(tokenizerFile)) {
            for (Precision file : Precision.values()) {
                String suffix = file == Precision.FP32 ? "" : "-" + file;
                export(out.resolve("tied-llama3" + suffix), tiedLlama3, tokenizer,
                        tokenizer.encode("Tom has 3 pens.\n#### 3", true), file);
                export(out.resolve("untied-bias" + suffix), untiedBiased, tokenizer,
                        tokenizer.encode("Ana has 12 books.", true), file);
            }
        }
    }

    private static void export(Path dir, LlamaConfig config, TextTokenizer tokenizer, long[] text, Precision file)
            throws Exception {
        try (LlamaModel trained = LlamaModel.random(config, 42)) {
            // A few AdamW steps so norms and biases are no longer at their initial 1s and 0s.
            try (Trainer trainer = new Trainer(trained, null, tokenizer,
                    TrainerSettings.defaults(LossKind.SFT, LearningRateSchedule.constant(1e-2, 0)).withMaxSequenceLength(64))) {
                for (int i = 0; i < 5; i++) {
                    trainer.step(List.of(TrainingExample.sft("Q: 1+2\n", "#### 3", 1)));
                }
            }
            Checkpoints.save(dir, trained, tokenizer, file, null);
        }
        // The logits of the weights as the file stores them (bf16 rounds them), read back as transformers reads them.
        try (LlamaModel model = Checkpoints.loadModel(dir)) {
            int pad = 3;
            int time = text.length;
            long[] ids = new long[2 * time];
            long[] mask = new long[2 * time];
            long[] positions = new long[2 * time];
            boolean[][] valid = new boolean[2][time];
            for (int t = 0; t < time; t++) {
                ids[t] = text[t];
                mask[t] = 1;
                positions[t] = t;
                valid[0][t] = true;
                boolean real = t >= pad;
                ids[time + t] = real ? text[t - pad] : 0;
                mask[time + t] = real ? 1 : 0;
                positions[time + t] = real ? t - pad : 0;
                valid[1][t] = real;
            }
            try (NDManager step = model.newSubManager()) {
                NDArray input = step.create(ids, new Shape(2, time));
                NDArray logits = Autograd.withoutGradients(() -> model.forward(input, step.create(positions, new Shape(2, time)),
                        AttentionMask.causal(step, 2, time, 0, valid), null));
                Map<String, NDArray> tensors = new LinkedHashMap<>();
                tensors.put("input_ids", input);
                tensors.put("attention_mask", step.create(mask, new Shape(2, time)));
                tensors.put("position_ids", step.create(positions, new Shape(2, time)));
                tensors.put("logits", logits);
                SafeTensors.write(dir.resolve("java-logits.safetensors"), tensors, Map.of());
            }
        }
    }
}
