package io.east.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the grading corpus (test resources {@code io/east/core/answer/corpus}, described in its README.md): every
 * file is well formed, and the grader's agreement with the labels does not fall below what it achieved when the
 * floors were last raised.
 */
class CorpusAgreementTest {

    /**
     * Agreement floors in whole percent, per split: the grader's agreement when last measured, rounded down. A ratchet:
     * raise them when the grader improves ({@code east grade --report} prints the current figures), never lower them.
     */
    static final Map<String, Integer> AGREEMENT_FLOOR_PERCENT = Map.of("dev", 95, "heldout", 98);

    /**
     * False positives (graded equal, labelled not), counted over the whole corpus: also a ratchet, lower it as they are
     * fixed. Issue 16's target is at most 1% of the cases; the four left are policy disagreements (README: Policy).
     */
    static final int MAX_FALSE_POSITIVES = 4;

    static final Set<String> CATEGORIES =
            Set.of("numbers", "expressions", "extraction", "relations", "sets", "matrices", "notation");
    static final Set<String> SPLITS = Set.of("dev", "heldout");
    static final List<String> REQUIRED = List.of("id", "prediction", "gold", "expected", "category", "split", "source");

    record Case(String where, Map<String, String> fields) {
        String id() {
            return fields.get("id");
        }

        boolean expected() {
            return Boolean.parseBoolean(fields.get("expected"));
        }

        String split() {
            return fields.get("split");
        }
    }

    record Verdict(Case c, AnswerGrader.Grade grade) {
        boolean agrees() {
            return grade.equivalent() == c.expected();
        }

        @Override
        public String toString() {
            return c.id() + " [" + c.fields().get("category") + "] expected " + c.expected() + ", got "
                    + grade.equivalent() + ": prediction answer " + grade.predictionAnswer() + ", gold answer "
                    + grade.goldAnswer();
        }
    }

    private static List<Path> files;
    private static List<Case> cases;
    private static List<Verdict> verdicts;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        Path dir = Path.of(CorpusAgreementTest.class.getResource("corpus").toURI());
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        cases = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String where = file.getFileName() + ":" + (i + 1);
                assertThat(lines.get(i)).as(where + ": blank line").isNotBlank();
                Map<String, String> fields;
                try {
                    fields = FlatJson.parseObject(lines.get(i));
                } catch (IOException | RuntimeException e) {
                    throw new AssertionError(where + ": not a JSON object: " + e.getMessage(), e);
                }
                cases.add(new Case(where, fields));
            }
        }
        verdicts = cases.stream().map(c -> new Verdict(c,
                AnswerGrader.grade(c.fields().get("prediction"), c.fields().get("gold")))).toList();
    }

    @Test
    void thereAreSeveralHundredCasesFromMoreThanOneSource() {
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(400);
        assertThat(cases.stream().filter(c -> !c.expected())).as("negative cases").hasSizeGreaterThanOrEqualTo(80);
    }

    @Test
    void everyCaseHasItsFieldsAKnownCategoryAndSplitAndAUniqueId() {
        Map<String, String> firstSeen = new HashMap<>();
        for (Case c : cases) {
            for (String field : REQUIRED) {
                assertThat(c.fields().get(field)).as(c.where() + ": field '" + field + "'").isNotNull();
            }
            assertThat(c.fields().get("expected")).as(c.where() + ": expected").isIn("true", "false");
            assertThat(c.fields().get("category")).as(c.where() + ": category").isIn(CATEGORIES);
            assertThat(c.split()).as(c.where() + ": split").isIn(SPLITS);
            assertThat(c.fields().get("source")).as(c.where() + ": source")
                    .matches("east:issue-16|[\\w.-]+/[\\w.-]+@[0-9a-f]{40}:\\S+#L\\d+");
            assertThat(c.fields().get("gold")).as(c.where() + ": gold").isNotBlank();
            String before = firstSeen.putIfAbsent(c.id(), c.where());
            assertThat(before).as(c.where() + ": id " + c.id() + " already used at " + before).isNull();
        }
    }

    @Test
    void aboutThirtyPercentOfEachSourceAndCategoryIsHeldOut() {
        Map<String, List<Case>> strata = cases.stream().collect(Collectors.groupingBy(
                c -> c.where().substring(0, c.where().indexOf(':')) + "/" + c.fields().get("category"),
                LinkedHashMap::new, Collectors.toList()));
        strata.forEach((stratum, group) -> {
            long heldout = group.stream().filter(c -> c.split().equals("heldout")).count();
            assertThat(heldout).as(stratum + " (" + group.size() + " cases)").isEqualTo(Math.round(0.3 * group.size()));
        });
    }

    @Test
    void agreementPerSplitIsAtLeastItsFloor() {
        for (String split : SPLITS) {
            List<Verdict> inSplit = verdicts.stream().filter(v -> v.c().split().equals(split)).toList();
            long agreeing = inSplit.stream().filter(Verdict::agrees).count();
            double percent = 100.0 * agreeing / inSplit.size();
            String disagreements = inSplit.stream().filter(v -> !v.agrees()).map(Verdict::toString)
                    .collect(Collectors.joining("\n  "));
            assertThat(percent).as(split + ": " + agreeing + "/" + inSplit.size() + " agree; disagreements:\n  "
                    + disagreements).isGreaterThanOrEqualTo(AGREEMENT_FLOOR_PERCENT.get(split));
        }
    }

    @Test
    void falsePositivesDoNotExceedTheirCeiling() {
        List<Verdict> falsePositives = verdicts.stream().filter(v -> v.grade().equivalent() && !v.c().expected())
                .toList();
        assertThat(falsePositives)
                .as("false positives:\n  " + falsePositives.stream().map(Verdict::toString)
                        .collect(Collectors.joining("\n  ")))
                .hasSizeLessThanOrEqualTo(MAX_FALSE_POSITIVES);
    }
}
