package io.east.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.schemas.serde.BadPayload;
import io.east.schemas.serde.EastSerdes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private static final Instant NOW = Instant.ofEpochMilli(1_000);

    @Test
    void aRecordOfUsualSizeIsKeptWholeWithItsCoordinates() {
        byte[] value = "not avro".getBytes(StandardCharsets.UTF_8);

        DeadLetter letter = DeadLetters.of("east.samples", 2, 17, "k".getBytes(StandardCharsets.UTF_8), value,
                "undecodable", "bad marker", "streams:main", NOW);

        assertThat(letter.getSourceTopic()).isEqualTo("east.samples");
        assertThat(letter.getSourcePartition()).isEqualTo(2);
        assertThat(letter.getSourceOffset()).isEqualTo(17);
        assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(value));
        assertThat(letter.getDetail()).isEqualTo("bad marker");
    }

    @Test
    void aHugeRecordKeepsItsStartAndSaysWhereTheWholeOfItIs() {
        byte[] value = new byte[BadPayload.HUGE_BYTES];
        Arrays.fill(value, (byte) 7);
        byte[] key = new byte[DeadLetters.MAX_KEPT_BYTES + 1];

        DeadLetter letter = DeadLetters.of("east.questions", 0, 41, key, value, "undecodable",
                "x".repeat(DeadLetters.MAX_DETAIL_CHARS * 100), "generate:w1", NOW);

        assertThat(letter.getValue().remaining()).isEqualTo(DeadLetters.MAX_KEPT_BYTES);
        assertThat(letter.getKey().remaining()).isEqualTo(DeadLetters.MAX_KEPT_BYTES);
        assertThat(letter.getDetail()).hasSizeLessThan(DeadLetters.MAX_DETAIL_CHARS + 300)
                .contains("(409600 characters)")
                .endsWith("[key cut to its first 262144 of 262145 bytes; value cut to its first 262144 of 5242880"
                        + " bytes; the whole record is at east.questions-0@41]");
        assertThat(EastSerdes.deadLetter().serialize(letter)).as("fits a topic's default 1 MB")
                .hasSizeLessThan(1_000_000);
    }
}
