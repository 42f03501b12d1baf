package io.east.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The buffer form of containsBoxed, which readers use to skip making strings, answers as the string form does. */
class BoxedInBufferTest {

    /** Box commands good and broken, braces, and the characters boxedAt stops at. */
    private static final List<String> PIECES = List.of(
            "\\boxed{", "\\boxed", "\\boxed ", "\\fbox{", "\\fbox", "\\boxedx", "{", "}", "\\{", "\\}", "\\\\", "\\",
            " ", "\t", "\n", "$", ".", "5", "x", "ab", "\u2713", "So the answer is ");

    @Provide
    Arbitrary<String> responses() {
        return Arbitraries.of(PIECES).list().ofMaxSize(30).map(parts -> String.join("", parts));
    }

    @Property(tries = 5000)
    void agreesWithTheStringFormAnywhereInABuffer(@ForAll("responses") String text,
            @ForAll("responses") String before, @ForAll("responses") String after) {
        char[] buffer = (before + text + after).toCharArray();
        assertThat(AnswerExtractor.containsBoxed(buffer, before.length(), text.length()))
                .as("%s", text).isEqualTo(AnswerExtractor.containsBoxed(text));
    }

    @Test
    void moreBrokenBoxesThanTheExtractorTriesStillAgree() {
        String good = "\\boxed{1}";
        for (int broken = 0; broken < 12; broken++) {
            String text = good + "\\boxed{".repeat(broken);
            assertThat(AnswerExtractor.containsBoxed(text.toCharArray(), 0, text.length()))
                    .as("%d broken boxes after a good one", broken)
                    .isEqualTo(AnswerExtractor.containsBoxed(text));
        }
    }

    @Test
    void onlyTheScannedTailOfAHugeResponseCounts() {
        String box = "\\boxed{7} ";
        for (String text : List.of(box + "x".repeat(AnswerExtractor.MAX_SCANNED),
                box + "x".repeat(AnswerExtractor.MAX_SCANNED - box.length()),
                box + "x".repeat(AnswerExtractor.MAX_SCANNED - 4))) {
            assertThat(AnswerExtractor.containsBoxed(text.toCharArray(), 0, text.length()))
                    .isEqualTo(AnswerExtractor.containsBoxed(text));
        }
    }
}
