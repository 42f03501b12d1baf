package io.east.dashboard;

import static io.east.dashboard.DashboardRecords.cluster;
import static io.east.dashboard.DashboardRecords.eval;
import static io.east.dashboard.DashboardRecords.group;
import static io.east.dashboard.DashboardRecords.step;
import static io.east.dashboard.DashboardRecords.version;
import static io.east.dashboard.DashboardRecords.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.east.broker.BrokerSettings;
import io.east.dashboard.browser.BrowserPage;
import io.east.dashboard.browser.Chromium;
import io.east.testkit.EmbeddedKafkaExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page in a real browser (Debian's headless Chromium, driven over the DevTools protocol) against a real broker
 * with records flowing: the charts are drawn from the records, follow new records without a reload, and text from
 * the model shows as text. Writes the screenshots under target/screenshots/, or under docs/screenshots/ with
 * {@code -Deast.screenshots=docs} to refresh the ones the docs show.
 */
@EnabledIf(value = "chromiumInstalled", disabledReason = DashboardBrowserIT.SKIPPED)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    static final String SKIPPED = "SKIPPED: no Chromium at /usr/bin/chromium (nor $EAST_CHROMIUM); install it with "
            + "'apt-get install chromium chromium-driver', as .ci/run does where apt-get works";

    private static final String EXPERIMENT = "alpha2";
    private static final String PAYLOAD = "<script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension(BrokerSettings.defaults(), EXPERIMENT);

    private static Chromium chromium;
    private static Dashboard dashboard;
    private static DashboardRecords records;
    @AutoClose
    private BrowserPage page;

    /** The reason for skipping goes to the build log too, where a reader sees it; reports alone hide it. */
    static boolean chromiumInstalled() {
        boolean installed = Chromium.installed();
        if (!installed) {
            System.err.println("DashboardBrowserIT " + SKIPPED);
        }
        return installed;
    }

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.launch(Chromium.find().orElseThrow());
        dashboard = Dashboard.start(DashboardSettings.defaults(
                        Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))
                .withPort(0).withExperiments(List.of(EXPERIMENT)));
        records = new DashboardRecords(KAFKA.producerProps());
    }

    @AfterAll
    static void stop() throws Exception {
        if (records != null) {
            records.close();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void openTab() throws Exception {
        page = chromium.firstPage();
    }

    private static final List<Integer> ENTROPY_0 = bins(0, 4, 9, 6, 3, 1);
    private static final List<Integer> WEIGHT_0 = bins(0, 2, 6, 8, 4, 2, 1);
    private static final List<Integer> ENTROPY_1 = bins(0, 2, 5, 9, 12, 8, 4, 2, 1);
    private static final List<Integer> WEIGHT_1 = bins(0, 1, 3, 6, 10, 9, 6, 4, 2, 1, 1);
    private static final List<Integer> ENTROPY_2 = bins(1, 1, 2, 3, 5, 8, 13, 8, 5, 3);
    private static final List<Integer> WEIGHT_2 = bins(0, 0, 2, 4, 9, 14, 9, 5, 2);
    private static final List<Integer> EXPERIMENT_ENTROPY = bins(0, 6, 10, 7, 2);
    private static final List<Integer> EXPERIMENT_WEIGHT = bins(3, 9, 8, 3, 1, 1);

    @Test
    @Order(1)
    void chartsAreDrawnFromTheRecordsAndFollowNewOnesWithoutAReload() throws Exception {
        records.send(null, window(null, 0, ENTROPY_0, WEIGHT_0, 1, 1.18, 1.0, Map.of("all_correct", 3,
                "no_correct", 1)));
        records.send(null, window(null, 1, ENTROPY_1, WEIGHT_1, 1, 1.27, 1.0, Map.of("all_correct", 3,
                "no_correct", 1)));
        records.send(EXPERIMENT, window(EXPERIMENT, 0, EXPERIMENT_ENTROPY, EXPERIMENT_WEIGHT, 2, 2.1, 1.0,
                Map.of("all_correct", 5)));
        for (int s = 1; s <= 5; s++) {
            records.send(step(null, s, 2.0 - 0.1 * s, 1.0 + 0.01 * s));
        }
        for (int s = 1; s <= 3; s++) {
            records.send(step(EXPERIMENT, s, 2.1 - 0.15 * s, 1.0));
        }
        records.send(eval(null, 1, 0.30));
        records.send(eval(null, 2, 0.42));
        records.send(eval(EXPERIMENT, 1, 0.31));
        records.send(version(null, 1, "file:///ckpt/main/v1"));
        records.send(version(null, 2, "file:///ckpt/main/v2"));
        records.send(version(EXPERIMENT, 1, "file:///ckpt/alpha2/v1"));
        records.send(group("gsm8k/17@r0", "gsm8k", List.of(cluster("18", 5, true), cluster("12", 3, false))));
        records.send(group("gsm8k/18@r0", "gsm8k", List.of(cluster("7", 2, true), cluster("1/2", 4, false),
                cluster(null, 2, false))));
        records.send(group("gsm8k/19@r0", "gsm8k", List.of(cluster("3", 8, true))));

        page.open(dashboard.url());

        await("the page shows every produced record").atMost(PATIENCE).pollInSameThread().pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    assertThat(ints(chart("main/entropy").get(1))).isEqualTo(ENTROPY_1);
                    assertThat(ints(chart("main/weight").get(1))).isEqualTo(WEIGHT_1);
                    assertThat(ints(chart(EXPERIMENT + "/entropy").get(1))).isEqualTo(EXPERIMENT_ENTROPY);
                    assertThat(ints(chart("main/training").get(0))).containsExactly(1, 2, 3, 4, 5);
                    assertThat(ints(chart(EXPERIMENT + "/training").get(0))).containsExactly(1, 2, 3);
                    assertThat(ints(chart("main/accuracy").get(0))).containsExactly(1, 2);
                    assertThat(ints(chart(EXPERIMENT + "/accuracy").get(0))).containsExactly(1);
                    assertThat(text("[data-experiment='main'] .versions tbody tr td")).isEqualTo("2");
                    assertThat(text("[data-experiment='alpha2'] .versions tbody tr td")).isEqualTo("1");
                    assertThat(page.evaluate("document.querySelectorAll('#groups tbody tr').length").asInt())
                            .isEqualTo(3);
                });
        assertThat(page.evaluate("eastDashboard.experiments()").toString()).isEqualTo("[\"main\",\"alpha2\"]");
        assertThat(page.evaluate("Array.from(document.querySelectorAll('.experiment .empty')).every(p => p.hidden)")
                .asBoolean()).as("no 'nothing yet' note left").isTrue();
        // The histograms' bars stand on the bin centres of [0, 8) and [0, 4).
        assertThat(doubles(chart("main/entropy").get(0))).first().isEqualTo(0.25);
        assertThat(doubles(chart("main/weight").get(0))).last().isEqualTo(3.875);
        // The mapping is h^alpha / normaliser up to the last used entropy bin (bin 8 ends at 4.5 bits).
        List<Double> mappingX = doubles(chart("main/mapping").get(0));
        List<Double> mappingY = doubles(chart("main/mapping").get(1));
        assertThat(mappingX).last().isEqualTo(4.5);
        assertThat(mappingY.get(mappingY.size() - 1)).isCloseTo(4.5 / 1.27, within(1e-9));
        assertThat(mappingY.get(60)).isCloseTo(mappingX.get(60) / 1.27, within(1e-9));
        List<Double> experimentY = doubles(chart(EXPERIMENT + "/mapping").get(1));
        // alpha2: bin 4 is its last used one, so h runs to 2.5 bits; alpha 2 bends the curve.
        assertThat(experimentY.get(experimentY.size() - 1)).isCloseTo(2.5 * 2.5 / 2.1, within(1e-9));
        // Kept and discarded are summed over windows; reasons sorted.
        assertThat(chart("main/outcomes").toString())
                .isEqualTo("[[0,1,2],[" + (sum(ENTROPY_0) + sum(ENTROPY_1)) + ",null,null],[null,6,2]]");
        assertClose(doubles(chart("main/training").get(1)), 1.9, 1.8, 1.7, 1.6, 1.5);
        assertClose(doubles(chart("main/training").get(3)), 1.01, 1.02, 1.03, 1.04, 1.05);
        assertThat(page.evaluate("eastDashboard.seriesLabels('main/accuracy')[2]").asText())
                .isEqualTo("gsm8k/test pass@1");
        assertClose(doubles(chart("main/accuracy").get(2)), 0.30, 0.42);
        assertClose(doubles(chart("main/accuracy").get(1)), 0.34, 0.46);
        assertClose(doubles(chart("main/accuracy").get(3)), 0.26, 0.38);

        await("every chart is painted").atMost(PATIENCE).pollInSameThread().untilAsserted(() -> {
            Map<String, Integer> painted = new java.util.TreeMap<>();
            for (String experiment : List.of("main", EXPERIMENT)) {
                painted.put(experiment + "/entropy bars", pixels(experiment + "/entropy", 31, 119, 180));
                painted.put(experiment + "/weight bars", pixels(experiment + "/weight", 255, 127, 14));
                painted.put(experiment + "/mapping curve", pixels(experiment + "/mapping", 44, 160, 44));
                painted.put(experiment + "/discarded bars", pixels(experiment + "/outcomes", 214, 39, 40));
                painted.put(experiment + "/loss line", pixels(experiment + "/training", 148, 103, 189));
                painted.put(experiment + "/accuracy points", pixels(experiment + "/accuracy", 31, 119, 180));
            }
            assertThat(painted).as("pixels of each series' colour").allSatisfy((series, count) ->
                    assertThat(count).as(series).isGreaterThan(series.contains("bars") ? 100 : 20));
        });

        // Live: new records change the charts in this same document (no reload, the marker survives).
        page.evaluate("window.__sameDocument = 'yes'");
        Map<String, Long> before = fingerprints("main/entropy", "main/weight", "main/training", "main/accuracy",
                "main/outcomes");
        long updatesBefore = page.evaluate("eastDashboard.updates()").asLong();
        records.send(null, window(null, 2, ENTROPY_2, WEIGHT_2, 1, 1.31, 1.0, Map.of("all_correct", 2)));
        for (int s = 6; s <= 8; s++) {
            records.send(step(null, s, 2.0 - 0.1 * s, 1.0 + 0.01 * s));
        }
        records.send(eval(null, 3, 0.47));
        records.send(version(null, 3, "file:///ckpt/main/v3"));

        await("the charts follow the new records").atMost(PATIENCE).pollInSameThread().pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    assertThat(ints(chart("main/entropy").get(1))).isEqualTo(ENTROPY_2);
                    assertThat(ints(chart("main/weight").get(1))).isEqualTo(WEIGHT_2);
                    assertThat(ints(chart("main/training").get(0))).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
                    assertThat(ints(chart("main/accuracy").get(0))).containsExactly(1, 2, 3);
                    assertThat(chart("main/outcomes").get(2).toString()).isEqualTo("[null,8,2]");
                    assertThat(text("[data-experiment='main'] .versions tbody tr td")).isEqualTo("3");
                    Map<String, Long> after = fingerprints(before.keySet().toArray(String[]::new));
                    before.forEach((id, print) -> assertThat(after.get(id)).as(id + " repainted").isNotEqualTo(print));
                });
        assertThat(page.evaluate("window.__sameDocument").asText()).isEqualTo("yes");
        assertThat(page.evaluate("eastDashboard.updates()").asLong()).isEqualTo(updatesBefore + 6);
        assertThat(ints(chart(EXPERIMENT + "/entropy").get(1))).isEqualTo(EXPERIMENT_ENTROPY);

        // An older window can be looked at, and "latest" follows new windows again.
        assertThat(page.evaluate("Array.from(document.querySelectorAll(\"[data-experiment='main'] "
                + ".window-select option\")).map(o => o.value)").toString())
                .isEqualTo("[\"\",\"p0/window-2\",\"p0/window-1\",\"p0/window-0\"]");
        pickWindow("p0/window-0");
        await().atMost(PATIENCE).pollInSameThread().untilAsserted(() ->
                assertThat(ints(chart("main/entropy").get(1))).isEqualTo(ENTROPY_0));
        assertThat(doubles(chart("main/mapping").get(1))).last().satisfies(y ->
                assertThat(y).isCloseTo(3.0 / 1.18, within(1e-9)));
        pickWindow("");
        await().atMost(PATIENCE).pollInSameThread().untilAsserted(() ->
                assertThat(ints(chart("main/entropy").get(1))).isEqualTo(ENTROPY_2));

        page.screenshot(screenshots().resolve("dashboard.png"));
        assertThat(page.errors()).as("console errors, refused loads, exceptions").isEmpty();
    }

    @Test
    @Order(2)
    void modelTextInARecordShowsAsTextAndNeverRuns() throws Exception {
        records.send(group("xss/1@r0", "gsm8k", List.of(cluster("42", 5, true), cluster(PAYLOAD, 3, false))));
        records.send(version(null, 9, PAYLOAD));

        page.open(dashboard.url());
        await("the snapshot's group is shown").atMost(PATIENCE).pollInSameThread().untilAsserted(() ->
                assertThat(page.evaluate("!!document.querySelector('tr[data-task-id=\"xss/1@r0\"]')").asBoolean())
                        .isTrue());
        // The same text again, this time through a live event rather than the snapshot.
        records.send(group("xss/2@r0", "gsm8k", List.of(cluster(PAYLOAD, 6, false), cluster("7", 2, true))));
        await("the live group is shown").atMost(PATIENCE).pollInSameThread().untilAsserted(() ->
                assertThat(page.evaluate("!!document.querySelector('tr[data-task-id=\"xss/2@r0\"]')").asBoolean())
                        .isTrue());

        for (String taskId : List.of("xss/1@r0", "xss/2@r0")) {
            JsonNode answers = page.evaluate("Array.from(document.querySelectorAll('tr[data-task-id=\"" + taskId
                    + "\"] .answer')).map(a => a.textContent)");
            assertThat(answers.toString()).as(taskId).contains(jsonString(PAYLOAD));
        }
        assertThat(page.evaluate("Array.from(document.querySelectorAll(\"[data-experiment='main'] .versions td\"))"
                + ".some(td => td.textContent === " + jsonString(PAYLOAD) + ")").asBoolean()).isTrue();
        assertThat(page.evaluate("document.querySelectorAll('main img, main script, main [onerror]').length").asInt())
                .isZero();
        assertThat(page.evaluate("typeof window.__pwned").asText()).isEqualTo("undefined");

        HttpResponse<String> state = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(dashboard.url() + "api/state")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(state.body()).doesNotContain("<").doesNotContain(">")
                .contains("\\u003Cscript\\u003Ewindow.__pwned=1\\u003C/script\\u003E");

        page.evaluate("document.querySelector('tr[data-task-id=\"xss/2@r0\"]').scrollIntoView()");
        page.screenshot(screenshots().resolve("dashboard-model-text.png"));
        assertThat(page.errors()).as("console errors, refused loads, exceptions").isEmpty();
    }

    // ---------------------------------------------------------------- page helpers

    private JsonNode chart(String id) {
        JsonNode data = page.evaluate("eastDashboard.chart('" + id + "')");
        assertThat(data.isArray()).as("chart " + id + " exists").isTrue();
        return data;
    }

    private String text(String selector) {
        return page.evaluate("(document.querySelector(\"" + selector + "\") || {}).textContent").asText();
    }

    private void pickWindow(String scopeId) {
        page.evaluate("(() => { const s = document.querySelector(\"[data-experiment='main'] .window-select\"); "
                + "s.value = '" + scopeId + "'; s.dispatchEvent(new Event('change')); })()");
    }

    /** Pixels of the chart's canvas within a small distance of a colour: bars and lines of that series. */
    private int pixels(String id, int red, int green, int blue) {
        return page.evaluate("(() => { const c = document.querySelector('[data-chart=\"" + id + "\"] canvas');"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + " for (let i = 0; i < d.length; i += 4) {"
                + "   if (d[i + 3] > 230 && Math.abs(d[i] - " + red + ") < 12 && Math.abs(d[i + 1] - " + green
                + ") < 12 && Math.abs(d[i + 2] - " + blue + ") < 12) n++; }"
                + " return n; })()").asInt();
    }

    /** A hash of each chart's pixels, to tell that it was painted again with something else. */
    private Map<String, Long> fingerprints(String... ids) {
        Map<String, Long> prints = new java.util.LinkedHashMap<>();
        for (String id : ids) {
            prints.put(id, page.evaluate("(() => { const c = document.querySelector('[data-chart=\"" + id
                    + "\"] canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + " let h = 2166136261; for (let i = 0; i < d.length; i++) { h = Math.imul(h ^ d[i], 16777619); }"
                    + " return h >>> 0; })()").asLong());
        }
        return prints;
    }

    private static Path screenshots() throws IOException {
        if (!"docs".equals(System.getProperty("east.screenshots"))) {
            return Files.createDirectories(Path.of("target", "screenshots"));
        }
        String root = System.getProperty("east.root");
        return (root != null ? Path.of(root) : Path.of("..")).resolve("docs").resolve("screenshots");
    }

    // ---------------------------------------------------------------- values

    /** Sixteen histogram bins, the given counts first. */
    private static List<Integer> bins(int... counts) {
        List<Integer> bins = new ArrayList<>(IntStream.of(counts).boxed().toList());
        while (bins.size() < 16) {
            bins.add(0);
        }
        return List.copyOf(bins);
    }

    private static int sum(List<Integer> counts) {
        return counts.stream().mapToInt(Integer::intValue).sum();
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asInt()));
        return values;
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(value -> values.add(value.isNull() ? null : value.asDouble()));
        return values;
    }

    private static void assertClose(List<Double> actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual.get(i)).as("value " + i).isCloseTo(expected[i], within(1e-9));
        }
    }

    private static String jsonString(String text) {
        return new com.fasterxml.jackson.databind.node.TextNode(text).toString();
    }
}
