package io.east.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileExampleSourceTest {

    @TempDir
    Path dir;

    private static List<IncomingExample> readAll(FileExampleSource source) {
        List<IncomingExample> out = new ArrayList<>();
        Optional<IncomingExample> next;
        while ((next = source.next(Duration.ZERO)).isPresent()) {
            out.add(next.get());
        }
        return out;
    }

    @Test
    void readsEveryLineWithItsPositionAndReportsBadOnesByFileAndLine() throws Exception {
        Path file = TestExamples.writeJsonl(dir.resolve("w.jsonl"), TestExamples.examples("t", 3));
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(1, "");
        lines.add(2, "{not json");
        lines.add("{\"task_id\":\"x\"}");
        Files.write(file, lines);

        try (FileExampleSource source = FileExampleSource.open(file, Map.of())) {
            assertThat(source.startPositions()).containsExactly(Map.entry("file:w.jsonl", 0L));
            List<IncomingExample> records = readAll(source);
            assertThat(source.exhausted()).isTrue();
            assertThat(records).extracting(r -> r.position().offset()).containsExactly(0L, 2L, 3L, 4L, 5L);
            assertThat(records).filteredOn(IncomingExample::usable).extracting(r -> r.example().getTaskId())
                    .containsExactly("t-0", "t-1", "t-2");
            assertThat(records).filteredOn(r -> !r.usable()).extracting(IncomingExample::problem).satisfiesExactly(
                    p -> assertThat(p).startsWith(file + ":3: invalid JSON"),
                    p -> assertThat(p).isEqualTo(file + ":6: missing field 'weight'"));
        }
    }

    @Test
    void resumesAfterTheLinesACheckpointConsumed() throws Exception {
        Path file = TestExamples.writeJsonl(dir.resolve("w.jsonl"), TestExamples.examples("t", 5));
        try (FileExampleSource source = FileExampleSource.open(file, Map.of("file:w.jsonl", 3L, "other-0", 9L))) {
            assertThat(source.startPositions()).containsExactly(Map.entry("file:w.jsonl", 3L));
            assertThat(readAll(source)).extracting(r -> r.example().getTaskId()).containsExactly("t-3", "t-4");
        }
    }
}
