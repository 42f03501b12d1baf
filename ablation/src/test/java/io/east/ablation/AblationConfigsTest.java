package io.east.ablation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.core.weight.Scope;
import io.east.core.weight.WeightStrategy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AblationConfigsTest {

    @Test
    void parsesThePapersDefaultList() {
        List<AblationConfig> configs = AblationConfigs.parse(AblationConfigs.PAPER);

        assertThat(configs).containsExactly(
                new AblationConfig(WeightStrategy.UNIFORM, 0, Optional.empty()),
                new AblationConfig(WeightStrategy.ENTROPY, 1, Optional.empty()),
                new AblationConfig(WeightStrategy.ENTROPY, 2, Optional.empty()),
                new AblationConfig(WeightStrategy.ENTROPY, -1, Optional.empty()),
                new AblationConfig(WeightStrategy.ACCURACY, 1, Optional.empty()),
                new AblationConfig(WeightStrategy.REJECTED, 1, Optional.empty()));
        assertThat(configs).extracting(AblationConfig::label).containsExactly(
                "uniform", "entropy:a=1", "entropy:a=2", "entropy:a=-1", "accuracy:a=1", "rejected:a=1");
        assertThat(configs).extracting(AblationConfig::slug).doesNotHaveDuplicates()
                .allMatch(slug -> slug.matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void aScopeKeepsItsOwnColonsWhereverItStands() {
        AblationConfig expected = new AblationConfig(WeightStrategy.ENTROPY, 1, Optional.of(new Scope.Window(64)));

        assertThat(AblationConfigs.parse("entropy:a=1:scope=window:64")).containsExactly(expected);
        assertThat(AblationConfigs.parse("entropy:scope=window:64:a=1")).containsExactly(expected);
        assertThat(AblationConfigs.parse("  entropy : a = 1 : scope=window:64 ")).containsExactly(expected);
        assertThat(expected.label()).isEqualTo("entropy:a=1:scope=window:64");
        assertThat(expected.slug()).isEqualTo("entropy-a1-window-64");

        assertThat(AblationConfigs.parse("accuracy:a=0.5:scope=ema:0.9; uniform:scope=fixed:2.5"))
                .containsExactly(
                        new AblationConfig(WeightStrategy.ACCURACY, 0.5, Optional.of(new Scope.Ema(0.9))),
                        new AblationConfig(WeightStrategy.UNIFORM, 0, Optional.of(new Scope.Fixed(2.5))));
    }

    @Test
    void everyLabelParsesBackToItsConfig() {
        for (AblationConfig config : AblationConfigs.parse(AblationConfigs.PAPER
                + "; entropy:a=0.25:scope=window:8; rejected:a=-2:scope=ema:0.5; uniform:scope=fixed:3")) {
            assertThat(AblationConfigs.parse(config.label())).as(config.label()).containsExactly(config);
        }
    }

    @Test
    void alphaDefaultsToOneForSignalsAndToZeroForUniform() {
        assertThat(AblationConfigs.parse("entropy; accuracy; rejected; uniform"))
                .extracting(AblationConfig::alpha).containsExactly(1.0, 1.0, 1.0, 0.0);
        assertThat(AblationConfigs.parse("entropy")).isEqualTo(AblationConfigs.parse("entropy:a=1"));
        assertThat(AblationConfigs.parse("entropy:scope=dataset").get(0).scope()).contains(new Scope.Dataset());
        assertThat(AblationConfigs.parse("entropy").get(0).scope()).isEmpty();
    }

    @Test
    void withoutAScopeAConfigTakesDataset() {
        assertThat(TestSettings.settings("entropy; entropy:a=2:scope=window:16").configs())
                .extracting(c -> TestSettings.settings("uniform").scope(c))
                .containsExactly(new Scope.Dataset(), new Scope.Window(16));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "entrop:a=1                   | strategy must be entropy, accuracy, rejected or uniform, got 'entrop'",
        "uniform:a=1                  | uniform takes no a",
        "uniform:a=0                  | uniform takes no a",
        "entropy:a=NaN                | a must be a finite number, got 'NaN'",
        "entropy:a=Infinity           | a must be a finite number, got 'Infinity'",
        "entropy:a=-Infinity          | a must be a finite number, got '-Infinity'",
        "entropy:a=two                | a must be a finite number, got 'two'",
        "entropy:a=                   | a must be a finite number, got ''",
        "entropy:a=1:a=2              | a is given twice",
        "entropy:scope=window:8:scope=dataset | scope is given twice",
        "entropy:scope=window:0       | window size must be >= 1",
        "entropy:scope=fortnight      | scope must be dataset, window:K, ema:BETA or fixed:C, got 'fortnight'",
        "entropy:b=1                  | unknown field 'b=1': only a=ALPHA and scope=SCOPE",
        "entropy:1                    | unknown field '1'",
    })
    void aBadEntryNamesItselfAndWhatWasExpected(String entry, String reason) {
        assertThatThrownBy(() -> AblationConfigs.parse("uniform; " + entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--configs: '" + entry.trim() + "': ")
                .hasMessageContaining(reason)
                .hasMessageEndingWith("; expected " + AblationConfigs.GRAMMAR)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform;; entropy", "uniform; ", "; uniform", " ; "})
    void anEmptyEntryIsRefused(String text) {
        assertThatThrownBy(() -> AblationConfigs.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--configs has an empty entry");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyListIsRefused(String text) {
        assertThatThrownBy(() -> AblationConfigs.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--configs is empty; expected ");
        assertThatThrownBy(() -> AblationConfigs.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConfigNamedTwiceIsRefusedEvenWhenSpelledDifferently() {
        assertThatThrownBy(() -> AblationConfigs.parse("uniform; entropy; entropy:a=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--configs names entropy:a=1 twice");
        assertThatThrownBy(() -> AblationConfigs.parse("entropy:a=1.0; ENTROPY:a=1"))
                .hasMessage("--configs names entropy:a=1 twice");
        // Different scopes are different configs.
        assertThat(AblationConfigs.parse("entropy; entropy:scope=window:64")).hasSize(2);
    }

    @Test
    void labelsAndSlugsWriteNumbersShortly() {
        assertThat(AblationConfigs.parse("entropy:a=-1; entropy:a=0.5; rejected:a=1e-3"))
                .extracting(AblationConfig::label, AblationConfig::slug)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("entropy:a=-1", "entropy-a-1"),
                        org.assertj.core.groups.Tuple.tuple("entropy:a=0.5", "entropy-a0p5"),
                        org.assertj.core.groups.Tuple.tuple("rejected:a=0.001", "rejected-a0p001"));
    }
}
