package io.east.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.east.schemas.WeightedExample;
import io.east.schemas.serde.RecordJson;
import io.east.schemas.serde.SampleRecords;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WeightedExampleFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static WeightedExample parse(String line) throws Exception {
        return WeightedExampleFormat.parse(JSON.readTree(line));
    }

    @Test
    void readsWhatTailPrintsBackToTheSameRecord() throws Exception {
        for (WeightedExample original : Stream.concat(SampleRecords.full().stream(), SampleRecords.sparse().stream())
                .filter(WeightedExample.class::isInstance).map(WeightedExample.class::cast).toList()) {
            assertThat(parse(RecordJson.toJson(original))).isEqualTo(original);
        }
    }

    @Test
    void fillsNeutralDefaultsForFieldsTrainingDoesNotNeed() throws Exception {
        WeightedExample example = parse("{\"task_id\":\"t1\",\"prompt\":\"1+1?\",\"chosen\":\"2\",\"weight\":1.5}");
        assertThat(example.getQuestionId()).isEqualTo("t1");
        assertThat(example.getRejected()).isNull();
        assertThat(example.getPolicyVersion()).isZero();
        assertThat(example.getEntropy()).isNaN();
    }

    @Test
    void readsTheStringsRecordJsonWritesForNonFiniteNumbers() throws Exception {
        WeightedExample example = parse("{\"task_id\":\"t\",\"prompt\":\"p\",\"chosen\":\"c\",\"weight\":1,"
                + "\"signal\":\"Infinity\",\"alpha\":\"-Infinity\",\"entropy\":\"NaN\"}");
        assertThat(example.getSignal()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(example.getAlpha()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(example.getEntropy()).isNaN();
    }

    @Test
    void saysWhatIsWrongWithABadLineNamingTheField() {
        assertThatThrownBy(() -> parse("{\"prompt\":\"p\",\"chosen\":\"c\",\"weight\":1}")).hasMessage("missing field 'task_id'");
        assertThatThrownBy(() -> parse("{\"task_id\":\"t\",\"prompt\":\"p\",\"chosen\":\"c\"}")).hasMessage("missing field 'weight'");
        assertThatThrownBy(() -> parse("{\"task_id\":\"t\",\"prompt\":\"p\",\"chosen\":\"c\",\"weight\":-1}"))
                .hasMessageContaining("'weight' must be finite and >= 0");
        assertThatThrownBy(() -> parse("{\"task_id\":\"t\",\"prompt\":\"p\",\"chosen\":\"c\",\"weight\":\"NaN\"}"))
                .hasMessageContaining("'weight' must be finite");
        assertThatThrownBy(() -> parse("{\"task_id\":\"t\",\"prompt\":true,\"chosen\":\"c\",\"weight\":1}"))
                .hasMessage("'prompt' must be a string, got BOOLEAN");
        assertThatThrownBy(() -> parse("{\"task_id\":\"a\\nb\",\"prompt\":\"p\",\"chosen\":\"c\",\"weight\":1}"))
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> parse("{\"task_id\":\"t\",\"prompt\":\"p\",\"chosen\":\"c\",\"weight\":1,\"round\":1.5}"))
                .hasMessage("field 'round' must be an integer, got 1.5");
    }

    @Test
    void onlyAnObjectWithNumericOrRecordJsonWeightsIsAnExample() {
        assertThatThrownBy(() -> parse("[1]")).isInstanceOf(BadLineException.class).hasMessage("not a JSON object");
        assertThatThrownBy(() -> parse("{\"task_id\":\"t\",\"prompt\":\"p\",\"chosen\":\"c\",\"weight\":\"heavy\"}"))
                .hasMessage("field 'weight' must be a number, got \"heavy\"");
    }
}
