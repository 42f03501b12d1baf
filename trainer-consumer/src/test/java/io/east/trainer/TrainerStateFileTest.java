package io.east.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerStateFileTest {

    @TempDir
    Path dir;

    private static final TrainerState FULL = new TrainerState(7, 6L, 120, 480, 3, 2, "dpo", 0.6931, "alpha2",
            "kafka:east.weighted.alpha2", Map.of("east.weighted.alpha2-0", 481L, "east.weighted.alpha2-1", 0L),
            "/models/base", Instant.parse("2025-03-14T15:09:26.535Z"));

    @Test
    void roundTripsThroughTheFile() throws Exception {
        TrainerStateFile.write(dir, FULL);
        assertThat(TrainerStateFile.read(dir)).isEqualTo(FULL);
    }

    @Test
    void roundTripsAnInitialStateWithNulls() {
        TrainerState initial = TrainerState.initial("sft", null, null);
        assertThat(TrainerStateFile.fromJson(TrainerStateFile.toJson(initial))).isEqualTo(initial);
    }

    @Test
    void writesSnakeCaseFieldsAndTheNamesOfItsSideFiles() throws Exception {
        JsonNode json = new ObjectMapper().readTree(TrainerStateFile.toJson(FULL));
        assertThat(json.get("parent_version").asLong()).isEqualTo(6);
        assertThat(json.get("examples_seen").asLong()).isEqualTo(480);
        assertThat(json.get("offsets").get("east.weighted.alpha2-0").asLong()).isEqualTo(481);
        assertThat(json.get("created_at").asText()).isEqualTo("2025-03-14T15:09:26.535Z");
        assertThat(json.get("trained_tasks").asText()).isEqualTo(CheckpointStore.TRAINED_TASKS);
    }

    @Test
    void readsAMinimalStateWithDefaults() {
        TrainerState state = TrainerStateFile.fromJson("{\"version\": 4, \"unknown_later_field\": true}");
        assertThat(state.version()).isEqualTo(4);
        assertThat(state.parentVersion()).isNull();
        assertThat(state.loss()).isEqualTo("sft");
        assertThat(state.offsets()).isEmpty();
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> TrainerStateFile.fromJson("[]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> TrainerStateFile.fromJson("{\"version\": \"x\"}")).hasMessageContaining("version");
        assertThatThrownBy(() -> TrainerStateFile.fromJson("{\"format\": 2, \"version\": 1}")).hasMessageContaining("newer");
        assertThatThrownBy(() -> TrainerStateFile.fromJson("{\"version\": 1, \"offsets\": {\"t-0\": 1.5}}"))
                .hasMessageContaining("offsets.t-0");
    }
}
