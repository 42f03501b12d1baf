package io.east.core.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

    @Test
    void parsesEveryScopeAndPrintsItBack() {
        assertThat(Scope.parse("dataset")).isEqualTo(new Scope.Dataset());
        assertThat(Scope.parse("window")).isEqualTo(new Scope.Window(64));
        assertThat(Scope.parse("window:8")).isEqualTo(new Scope.Window(8));
        assertThat(Scope.parse(" ema:0.9 ")).isEqualTo(new Scope.Ema(0.9));
        assertThat(Scope.parse("fixed:1.25")).isEqualTo(new Scope.Fixed(1.25));
        for (String id : new String[] {"dataset", "window:8", "ema:0.9", "fixed:1.25"}) {
            assertThat(Scope.parse(id).id()).isEqualTo(id);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "windows:3", "window:0", "window:-2", "window:x", "ema", "ema:1", "ema:-0.1",
            "fixed", "fixed:0", "fixed:-1", "fixed:NaN", "fixed:Infinity", "dataset:3"})
    void rejectsBadScopesNamingTheInput(String text) {
        assertThatThrownBy(() -> Scope.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scope must be")
                .hasMessageContaining("'" + text + "'");
    }
}
