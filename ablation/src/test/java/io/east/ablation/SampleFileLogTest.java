package io.east.ablation;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.formats.LineError;
import io.east.schemas.ReasoningSample;
import io.east.schemas.serde.RecordJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFileLogTest {

    @TempDir
    Path dir;

    @Test
    void groupsInterleavedSamplesIntoTasksInOrderOfFirstAppearance() throws Exception {
        List<ReasoningSample> a = TestLogs.task("a", "5+", "7-");
        List<ReasoningSample> b = TestLogs.task("b", "5+", "5+");
        Path file = TestLogs.write(dir.resolve("s.jsonl"), List.of(b.get(1), a.get(0), b.get(0), a.get(1)));

        SampleLog log = SampleFileLog.read(file);

        assertThat(log.tasks()).extracting(LoggedTask::taskId).containsExactly("b", "a");
        assertThat(log.tasks().get(0).first()).isEqualTo(b.get(0));
        assertThat(log.tasks().get(0).partition()).isEqualTo(-1);
        assertThat(log.samples()).isEqualTo(4);
        assertThat(log.errors()).isEmpty();
        assertThat(log.skipped()).isZero();
        assertThat(log.source()).isEqualTo(file.toString());
        assertThat(log.tasks().get(1).group().answers()).hasSize(2);
        assertThat(log.tasks().get(1).group().gold()).isEqualTo("5");
        assertThat(log.tasks().get(1).group().expected()).isEqualTo(2);
    }

    @Test
    void reportsEveryUnusableLineWithItsNumberAndKeepsTheRest() throws Exception {
        List<ReasoningSample> a = TestLogs.task("a", "5+", "7-");
        ReasoningSample otherN = TestLogs.sample("a", 1, 3, "8-");
        ReasoningSample otherQuestion = ReasoningSample.newBuilder(a.get(1)).setQuestionId("elsewhere").build();
        Path file = dir.resolve("s.jsonl");
        Files.write(file, List.of(
                RecordJson.toJson(a.get(0)),
                "{not json",
                "{\"task_id\": \"a\"}",
                RecordJson.toJson(a.get(0)),
                RecordJson.toJson(otherN),
                RecordJson.toJson(otherQuestion),
                RecordJson.toJson(a.get(1))));

        SampleLog log = SampleFileLog.read(file);

        assertThat(log.tasks()).hasSize(1);
        assertThat(log.tasks().get(0).samples()).containsOnlyKeys(0, 1);
        assertThat(log.tasks().get(0).sample(1)).contains(a.get(1));
        assertThat(log.samples()).isEqualTo(2);
        assertThat(log.skipped()).isEqualTo(5);
        assertThat(log.errors()).extracting(LineError::line).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(log.errors()).allSatisfy(e -> assertThat(e.file()).isEqualTo(file));
        assertThat(log.errors().get(2).reason()).isEqualTo("task a repeats sample_index 0");
        assertThat(log.errors().get(3).reason()).isEqualTo("task a has n=3 but its first sample said n=2");
        assertThat(log.errors().get(4).reason()).isEqualTo("task a has question_id elsewhere but its first sample "
                + "said q-a");
    }
}
