package io.east.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.east.model.TextTokenizer;
import java.util.List;

/**
 * Prompt + response sequences, right-padded, with the mask of response positions.
 *
 * <p>The prompt is encoded with the tokenizer's special tokens (a begin token for Llama), the response
 * without, followed by the end token: exactly what {@code Sampler} feeds and learns to stop with. They are
 * encoded separately, so the prompt/response boundary is exact even for BPE vocabularies that would merge
 * across it.
 */
public final class TokenizedBatch {

    private final long[][] ids;
    private final int[] promptLengths;
    private final int[] lengths;
    private final int width;
    private final int padId;

    /**
     * Padded widths are rounded up to a multiple of this. With a new width every step, glibc's allocator
     * fragments and resident memory creeps up; a handful of widths keeps it flat, for a few percent of extra padding.
     */
    static final int WIDTH_MULTIPLE = 16;

    private TokenizedBatch(long[][] ids, int[] promptLengths, int[] lengths, int padId, int maxLength) {
        this.ids = ids;
        this.promptLengths = promptLengths;
        this.lengths = lengths;
        this.padId = padId;
        int longest = 2;
        for (int n : lengths) {
            longest = Math.max(longest, n);
        }
        int rounded = (longest + WIDTH_MULTIPLE - 1) / WIDTH_MULTIPLE * WIDTH_MULTIPLE;
        this.width = Math.max(longest, Math.min(rounded, maxLength));
    }

    public static TokenizedBatch of(TextTokenizer tokenizer, List<String> prompts, List<String> responses, long eosId,
                                    long padId, int maxLength) {
        if (prompts.size() != responses.size()) {
            throw new IllegalArgumentException("one response per prompt");
        }
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must leave room for a prompt token and a response token");
        }
        int n = prompts.size();
        long[][] ids = new long[n][];
        int[] promptLengths = new int[n];
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            long[] prompt = tokenizer.encode(prompts.get(i), true);
            if (prompt.length == 0) {
                throw new IllegalArgumentException("prompt " + i + " encodes to no tokens");
            }
            long[] body = tokenizer.encode(responses.get(i), false);
            long[] response = java.util.Arrays.copyOf(body, body.length + 1);
            response[body.length] = eosId;
            // Keep at least one prompt token (the position that predicts the first response token).
            int responseLength = Math.min(response.length, maxLength - 1);
            int promptLength = Math.min(prompt.length, maxLength - responseLength);
            long[] sequence = new long[promptLength + responseLength];
            System.arraycopy(prompt, prompt.length - promptLength, sequence, 0, promptLength);
            System.arraycopy(response, 0, sequence, promptLength, responseLength);
            ids[i] = sequence;
            promptLengths[i] = promptLength;
            lengths[i] = sequence.length;
        }
        return new TokenizedBatch(ids, promptLengths, lengths, (int) padId, maxLength);
    }

    public int size() {
        return ids.length;
    }

    /** Sequence length after padding. */
    public int width() {
        return width;
    }

    public int tokenCount() {
        int sum = 0;
        for (int n : lengths) {
            sum += n;
        }
        return sum;
    }

    public int responseTokenCount() {
        int sum = 0;
        for (int i = 0; i < lengths.length; i++) {
            sum += lengths[i] - promptLengths[i];
        }
        return sum;
    }

    /** [B, width] int64, padded on the right. */
    public NDArray inputIds(NDManager manager) {
        long[] flat = new long[ids.length * width];
        java.util.Arrays.fill(flat, padId);
        for (int i = 0; i < ids.length; i++) {
            System.arraycopy(ids[i], 0, flat, i * width, ids[i].length);
        }
        return manager.create(flat, new Shape(ids.length, width));
    }

    /** [B, width] int64, 0..width-1 on every row (right padding leaves positions untouched). */
    public NDArray positionIds(NDManager manager) {
        long[] flat = new long[ids.length * width];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = i % width;
        }
        return manager.create(flat, new Shape(ids.length, width));
    }

    /** [B, width-1] float32: 1 where the next token (t+1) is a response token. */
    public NDArray responseMask(NDManager manager) {
        float[] flat = new float[ids.length * (width - 1)];
        for (int i = 0; i < ids.length; i++) {
            for (int t = promptLengths[i] - 1; t < lengths[i] - 1; t++) {
                flat[i * (width - 1) + t] = 1f;
            }
        }
        return manager.create(flat, new Shape(ids.length, width - 1));
    }
}
