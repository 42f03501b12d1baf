package io.east.model;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Text to token ids and back, through DJL's binding of the Hugging Face tokenizers library; reads any
 * tokenizer.json offline. Keeps the file's bytes, so a checkpoint can carry the exact same file on.
 */
public final class TextTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final byte[] json;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, byte[] json) {
        this.tokenizer = tokenizer;
        this.json = json;
    }

    /** Loads a tokenizer.json file, or the tokenizer.json inside a checkpoint directory. */
    public static TextTokenizer load(Path path) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve(Checkpoints.TOKENIZER) : path;
        byte[] bytes = Files.readAllBytes(file);
        // DJL's defaults would truncate to 512 tokens and pad; length policy belongs to the caller.
        HuggingFaceTokenizer hf = HuggingFaceTokenizer.newInstance(file,
                Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
        return new TextTokenizer(hf, bytes);
    }

    /**
     * Token ids of {@code text}. With {@code addSpecialTokens} the tokenizer's post-processor runs (for
     * Llama and for {@link Tokenizers#writeCharacterLevel} that prepends the begin-of-sequence token).
     */
    public long[] encode(String text, boolean addSpecialTokens) {
        return tokenizer.encode(text, addSpecialTokens, false).getIds();
    }

    /** Text of {@code ids}, special tokens left out. */
    public String decode(long[] ids) {
        return tokenizer.decode(ids, true);
    }

    public void save(Path file) throws IOException {
        Files.write(file, json);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
