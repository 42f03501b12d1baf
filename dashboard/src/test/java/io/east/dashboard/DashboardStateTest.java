package io.east.dashboard;

import static io.east.dashboard.DashboardRecords.cluster;
import static io.east.dashboard.DashboardRecords.group;
import static io.east.dashboard.DashboardRecords.step;
import static io.east.dashboard.DashboardRecords.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardStateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Integer> COUNTS = List.of(1, 2, 3);

    private final DashboardState state = new DashboardState(List.of("main", "beta"), 3, 2);
    private final List<DashboardEvent> events = new ArrayList<>();

    DashboardStateTest() {
        state.subscribe(events::add);
    }

    @Test
    void anEmptySnapshotListsTheExperimentsInOrder() throws Exception {
        JsonNode snapshot = JSON.readTree(state.snapshotJson());

        assertThat(snapshot.get("seq").asLong()).isZero();
        assertThat(snapshot.get("history").asInt()).isEqualTo(3);
        assertThat(snapshot.get("experiments").toString()).isEqualTo("[\"main\",\"beta\"]");
        assertThat(snapshot.at("/series/beta/totals").toString())
                .isEqualTo("{\"windows\":0,\"kept\":0,\"discarded\":{}}");
        assertThat(snapshot.get("groups").size()).isZero();
    }

    @Test
    void totalsSumEveryWindowEvenThoseTheHistoryDropped() throws Exception {
        for (int i = 0; i < 5; i++) {
            state.weightStats("beta", window("beta", i, COUNTS, COUNTS, 1, 1, 1, Map.of("all_correct", 2,
                    "no_correct", i)));
        }

        JsonNode beta = JSON.readTree(state.snapshotJson()).at("/series/beta");
        assertThat(beta.get("weightStats")).extracting(w -> w.get("window_index").asInt()).containsExactly(2, 3, 4);
        assertThat(beta.get("totals").toString())
                .isEqualTo("{\"windows\":5,\"kept\":30,\"discarded\":{\"all_correct\":10,\"no_correct\":10}}");
    }

    @Test
    void eachUpdateIsOneEventWithTheNextSequenceNumber() throws Exception {
        state.weightStats("main", window(null, 0, COUNTS, COUNTS, 1, 1, 1, Map.of()));
        state.trainMetrics(step(null, 1, 0.9, 1.0));
        state.trainMetrics(step("gamma", 1, 0.8, 1.0));
        state.group(group("t@r0", "gsm8k", List.of(cluster("1", 1, true), cluster("2", 1, false))));

        assertThat(events).extracting(DashboardEvent::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(state.seq()).isEqualTo(4);
        JsonNode first = JSON.readTree(events.get(0).json());
        assertThat(first.get("kind").asText()).isEqualTo("weight-stats");
        assertThat(first.get("experiment").asText()).isEqualTo("main");
        assertThat(first.at("/totals/kept").asInt()).isEqualTo(6);
        assertThat(JSON.readTree(events.get(2).json()).get("experiment").asText()).isEqualTo("gamma");
        assertThat(JSON.readTree(events.get(3).json()).get("kind").asText()).isEqualTo("group");
        JsonNode snapshot = JSON.readTree(state.snapshotJson());
        assertThat(snapshot.get("seq").asLong()).isEqualTo(4);
        assertThat(snapshot.get("experiments").toString()).isEqualTo("[\"main\",\"beta\",\"gamma\"]");
    }

    @Test
    void groupsKeepOnlyTheLatest() throws Exception {
        for (int i = 0; i < 4; i++) {
            state.group(group("t" + i + "@r0", "gsm8k", List.of(cluster("1", 1, true))));
        }

        assertThat(JSON.readTree(state.snapshotJson()).get("groups"))
                .extracting(g -> g.get("task_id").asText()).containsExactly("t2@r0", "t3@r0");
    }

    @Test
    void markupInAnyFieldLeavesAsEscapedJsonOnOneLine() {
        String payload = "<script>alert('x')</script>\n&amp;\u2028";
        state.group(group("t@r0", payload, List.of(cluster(payload, 1, false))));
        state.trainMetrics(step("<b>", 1, 0.5, 1));

        for (String json : List.of(state.snapshotJson(), events.get(0).json(), events.get(1).json())) {
            assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\n")
                    .doesNotContain("\u2028");
        }
        assertThat(events.get(0).json()).contains("\\u003Cscript\\u003E");
    }
}
