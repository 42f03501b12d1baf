package io.east.producers.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatasetSpecTest {

    @Test
    void parsesEveryForm() {
        assertThat(DatasetSpec.parse("gsm8k:/data/gsm8k/train.jsonl"))
                .isEqualTo(new DatasetSpec(DatasetKind.GSM8K, Path.of("/data/gsm8k/train.jsonl"), 0));
        assertThat(DatasetSpec.parse("MATH:data/math")).isEqualTo(new DatasetSpec(DatasetKind.MATH, Path.of("data/math"), 0));
        assertThat(DatasetSpec.parse("synthetic")).isEqualTo(new DatasetSpec(DatasetKind.SYNTHETIC, null, 0));
        assertThat(DatasetSpec.parse("synthetic:42")).isEqualTo(new DatasetSpec(DatasetKind.SYNTHETIC, null, 42));
        assertThat(DatasetSpec.parse("synthetic:-3").seed()).isEqualTo(-3);
        assertThat(DatasetSpec.parse("gsm8k:x").name()).isEqualTo("gsm8k");
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> DatasetSpec.parse("gsm9k:x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected gsm8k:PATH, math:PATH or synthetic[:SEED], got 'gsm9k:x'");
        assertThatThrownBy(() -> DatasetSpec.parse("gsm8k")).hasMessageContaining("gsm8k needs a path");
        assertThatThrownBy(() -> DatasetSpec.parse("math:")).hasMessageContaining("math needs a path");
        assertThatThrownBy(() -> DatasetSpec.parse("synthetic:abc")).hasMessageContaining("integer seed");
        assertThatThrownBy(() -> DatasetSpec.parse("")).hasMessageContaining("got ''");
    }
}
