package io.east.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    @Test
    void defaultsPickPortsAndUseATemporaryDirectory() {
        BrokerSettings settings = BrokerSettings.defaults();

        assertThat(settings.port()).isZero();
        assertThat(settings.controllerPort()).isZero();
        assertThat(settings.keepsData()).isFalse();
        assertThat(settings.extraProperties()).isEmpty();
        assertThat(settings.startTimeout()).isEqualTo(BrokerSettings.DEFAULT_START_TIMEOUT);
    }

    @Test
    void builderRoundTripsThroughToBuilder() {
        BrokerSettings settings = BrokerSettings.builder().port(19092).controllerPort(19093)
                .dataDir(Path.of("/tmp/x")).property("num.io.threads", "2").startTimeout(Duration.ofSeconds(5)).build();

        assertThat(settings.toBuilder().build()).isEqualTo(settings);
        assertThat(settings.keepsData()).isTrue();
    }

    @Test
    void rejectsImpossibleValues() {
        assertThatThrownBy(() -> BrokerSettings.builder().port(70_000).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BrokerSettings.builder().port(9092).controllerPort(9092).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BrokerSettings.builder().startTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extraPropertiesCannotBeChangedAfterwards() {
        BrokerSettings settings = BrokerSettings.builder().property("a", "b").build();

        assertThatThrownBy(() -> settings.extraProperties().put("c", "d"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
