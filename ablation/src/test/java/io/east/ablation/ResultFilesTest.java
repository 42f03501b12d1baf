package io.east.ablation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ResultFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesTheFourFilesAndReplacesThemWholeAfterEachRun() throws Exception {
        Path out = dir.resolve("results");

        ResultFiles.write(out, TestResults.results(1));
        String partial = Files.readString(out.resolve("results.md"));
        ResultFiles.write(out, TestResults.results(4));

        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(ResultFiles.NAMES);
        }
        assertThat(partial).contains("**Partial results: 1 of 4 runs done.**");
        String md = Files.readString(out.resolve("results.md"));
        assertThat(md).doesNotContain("Partial results")
                .contains("| uniform | dataset | 2 | 0.4000 |")
                .contains("| entropy:a=1 | dataset | 2 | 0.6000 |")
                .contains("delta vs uniform")
                .contains("Highest mean pass@1: entropy:a=1 (0.6000; base model 0.2000).")
                .contains("east ablate --configs 'uniform; entropy:a=1'");
        assertThat(ResultFiles.summary(TestResults.results(4))).isEqualTo(md.substring(md.indexOf("| config |"),
                md.indexOf("![accuracy")).stripTrailing() + "\n");
        assertThat(Files.readString(out.resolve("results.csv")).lines()).hasSize(6);

        Document accuracy = svg(out.resolve("accuracy.svg"));
        assertThat(accuracy.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(accuracy.getDocumentElement().getTextContent()).contains("uniform", "entropy:a=1", "base 0.200");
        Document weights = svg(out.resolve("weights.svg"));
        assertThat(weights.getDocumentElement().getElementsByTagName("circle").getLength())
                .as("one dot per example per config").isEqualTo(8);
        assertThat(weights.getDocumentElement().getElementsByTagName("polyline").getLength())
                .as("both weights are functions of the entropy under one normaliser").isEqualTo(2);
    }

    @Test
    void theBaseModelAloneMakesValidFilesBeforeAnyRun() throws Exception {
        ResultFiles.write(dir, TestResults.results(0));

        assertThat(Files.readString(dir.resolve("results.md"))).contains("**Partial results: 0 of 4 runs done.**")
                .contains("No run has finished yet.");
        svg(dir.resolve("accuracy.svg"));
        svg(dir.resolve("weights.svg"));
    }

    private static Document svg(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
