package io.east.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizersTest {

    @TempDir
    Path dir;

    @Test
    void characterLevelTokenizerLoadsInDjlAndRoundTrips() throws Exception {
        Path file = dir.resolve("tokenizer.json");
        Tokenizers.writeCharacterLevel(file);
        try (TextTokenizer tokenizer = TextTokenizer.load(file)) {
            String text = "Tom has 3 apples.\nHe eats 1.\n#### 2";
            long[] ids = tokenizer.encode(text, false);
            assertThat(ids).hasSize(text.length());
            assertThat(tokenizer.decode(ids)).isEqualTo(text);
            assertThat(tokenizer.encode("a", true)).containsExactly(Tokenizers.BOS_ID, 'a' - ' ' + 5);
            assertThat(tokenizer.encode("\n ~", false)).containsExactly(4, 5, 99);
            assertThat(tokenizer.encode("é", false)).containsExactly(Tokenizers.UNK_ID);
            assertThat(tokenizer.decode(new long[] {Tokenizers.BOS_ID, 'h' - ' ' + 5, Tokenizers.EOS_ID})).isEqualTo("h");
        }
    }

    @Test
    void longTextIsNotTruncated() throws Exception {
        try (TextTokenizer tokenizer = Tokenizers.loadCharacterLevel()) {
            assertThat(tokenizer.encode("x".repeat(3000), true)).hasSize(3001);
            assertThat(tokenizer.decode(tokenizer.encode("2 + 3 = 5", false))).isEqualTo("2 + 3 = 5");
        }
    }
}
