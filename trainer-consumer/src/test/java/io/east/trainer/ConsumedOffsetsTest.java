package io.east.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsumedOffsetsTest {

    private static SourcePosition at(String key, long offset) {
        return new SourcePosition(key, offset);
    }

    @Test
    void untouchedKeysKeepTheirStart() {
        ConsumedOffsets offsets = new ConsumedOffsets(Map.of("t-0", 5L, "t-1", 0L));
        assertThat(offsets.safe()).containsExactlyInAnyOrderEntriesOf(Map.of("t-0", 5L, "t-1", 0L));
    }

    @Test
    void trainedAndSkippedRecordsMoveThePositionPastThem() {
        ConsumedOffsets offsets = new ConsumedOffsets(Map.of("t-0", 0L));
        offsets.pending(at("t-0", 0));
        offsets.skipped(at("t-0", 1));
        offsets.pending(at("t-0", 2));
        offsets.trained(at("t-0", 0));
        offsets.trained(at("t-0", 2));
        assertThat(offsets.safe()).containsEntry("t-0", 3L);
    }

    @Test
    void aPendingRecordHoldsThePositionBackToItself() {
        ConsumedOffsets offsets = new ConsumedOffsets(Map.of("t-0", 10L, "t-1", 0L));
        offsets.pending(at("t-0", 10));
        offsets.trained(at("t-0", 10));
        offsets.pending(at("t-0", 11));    // in the partly filled batch at a stop
        offsets.skipped(at("t-0", 12));    // after it: will be read again
        offsets.pending(at("t-1", 0));
        offsets.trained(at("t-1", 0));
        Map<String, Long> safe = offsets.safe();
        assertThat(safe).containsEntry("t-0", 11L).containsEntry("t-1", 1L);
        assertThat(ConsumedOffsets.settled(at("t-0", 10), safe)).isTrue();
        assertThat(ConsumedOffsets.settled(at("t-0", 12), safe)).isFalse();
    }

    @Test
    void onlyPendingRecordsCanBeTrained() {
        ConsumedOffsets offsets = new ConsumedOffsets(Map.of());
        assertThatThrownBy(() -> offsets.trained(at("t-0", 3))).isInstanceOf(IllegalStateException.class);
    }
}
