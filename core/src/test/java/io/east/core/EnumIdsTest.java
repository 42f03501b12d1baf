package io.east.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnumIdsTest {

    enum Colour implements SpelledEnum { RED, DEEP_BLUE, GREEN }

    enum Single { ONLY }

    @Test
    void anIdIsTheNameInLowerCaseWithHyphens() {
        assertThat(EnumIds.id(Colour.RED)).isEqualTo("red");
        assertThat(EnumIds.id(Colour.DEEP_BLUE)).isEqualTo("deep-blue");
        assertThat(Colour.DEEP_BLUE.id()).as("a SpelledEnum's own id").isEqualTo("deep-blue");
    }

    @Test
    void findReadsAnyCaseAndTrimsButNeedsTheHyphen() {
        assertThat(EnumIds.find(Colour.class, " Deep-Blue ")).contains(Colour.DEEP_BLUE);
        assertThat(EnumIds.find(Colour.class, "GREEN")).contains(Colour.GREEN);
        assertThat(EnumIds.find(Colour.class, "deep_blue")).isEmpty();
        assertThat(EnumIds.find(Colour.class, "")).isEmpty();
        assertThat(EnumIds.find(Colour.class, null)).isEmpty();
    }

    @Test
    void parseNamesWhatWasWantedAndWhatCame() {
        assertThat(EnumIds.parse(Colour.class, "colour", "red")).isEqualTo(Colour.RED);
        assertThatThrownBy(() -> EnumIds.parse(Colour.class, "--colour", "pink"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--colour must be red, deep-blue or green, got 'pink'");
        assertThatThrownBy(() -> EnumIds.parse(Colour.class, "colour", null))
                .hasMessage("colour must be red, deep-blue or green, got 'null'");
    }

    @Test
    void choicesReadAsASentence() {
        assertThat(EnumIds.choices(Single.class)).isEqualTo("only");
        assertThat(EnumIds.choices(Colour.class)).isEqualTo("red, deep-blue or green");
    }
}
