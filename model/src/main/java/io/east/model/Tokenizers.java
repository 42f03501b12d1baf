package io.east.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the character-level tokenizer.json that a model trained from scratch uses.
 *
 * <p>Vocabulary: {@code <pad>}=0, {@code <s>}=1, {@code </s>}=2, {@code <unk>}=3, newline=4, then the 95
 * printable ASCII characters (space .. '~') = 5..99: 100 tokens. It is a BPE model with an empty merge
 * list and no pre-tokenizer: the Hugging Face tokenizers library then emits one token per character
 * (spaces and newlines included), maps any other character to {@code <unk>}, and the Fuse decoder joins
 * tokens back without inserting spaces. The post-processor prepends {@code <s>} when special tokens are
 * asked for, as Llama's tokenizers do.
 */
public final class Tokenizers {

    public static final int PAD_ID = 0;
    public static final int BOS_ID = 1;
    public static final int EOS_ID = 2;
    public static final int UNK_ID = 3;
    public static final int CHARACTER_LEVEL_VOCAB_SIZE = 100;

    private static final List<String> SPECIALS = List.of("<pad>", "<s>", "</s>", "<unk>");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokenizers() {}

    /** The character-level tokenizer, loaded through DJL from a temporary tokenizer.json that is gone afterwards. */
    public static TextTokenizer loadCharacterLevel() throws IOException {
        Path file = Files.createTempFile("east-tokenizer", ".json");
        try {
            writeCharacterLevel(file);
            return TextTokenizer.load(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public static void writeCharacterLevel(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (int id = 0; id < SPECIALS.size(); id++) {
            ObjectNode token = added.addObject();
            token.put("id", id);
            token.put("content", SPECIALS.get(id));
            token.put("single_word", false);
            token.put("lstrip", false);
            token.put("rstrip", false);
            token.put("normalized", false);
            token.put("special", true);
        }
        root.putNull("normalizer");
        root.putNull("pre_tokenizer");
        root.set("post_processor", prependBos());
        root.putObject("decoder").put("type", "Fuse");

        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.putNull("dropout");
        model.put("unk_token", "<unk>");
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        model.put("ignore_merges", false);
        ObjectNode vocab = model.putObject("vocab");
        int id = 0;
        for (String special : SPECIALS) {
            vocab.put(special, id++);
        }
        vocab.put("\n", id++);
        for (char c = ' '; c <= '~'; c++) {
            vocab.put(String.valueOf(c), id++);
        }
        model.putArray("merges");
        if (id != CHARACTER_LEVEL_VOCAB_SIZE) {
            throw new IllegalStateException("vocabulary has " + id + " tokens");
        }
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static ObjectNode prependBos() {
        ObjectNode processor = JSON.createObjectNode();
        processor.put("type", "TemplateProcessing");
        ArrayNode single = processor.putArray("single");
        single.addObject().putObject("SpecialToken").put("id", "<s>").put("type_id", 0);
        single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        ArrayNode pair = processor.putArray("pair");
        pair.addObject().putObject("SpecialToken").put("id", "<s>").put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 1);
        ObjectNode bos = processor.putObject("special_tokens").putObject("<s>");
        bos.put("id", "<s>");
        bos.putArray("ids").add(BOS_ID);
        bos.putArray("tokens").add("<s>");
        return processor;
    }
}
