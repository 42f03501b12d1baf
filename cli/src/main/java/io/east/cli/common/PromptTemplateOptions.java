package io.east.cli.common;

import io.east.producers.generate.PromptTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --prompt-template} or {@code --prompt-template-file}: the text the model is given before a question. */
public final class PromptTemplateOptions {

    @Option(names = "--prompt-template", paramLabel = "T") private String text;
    @Option(names = "--prompt-template-file", paramLabel = "FILE") private Path file;

    /** The template asked for, or the default; a bad one is bad usage. */
    public PromptTemplate template() {
        if (text != null && file != null) {
            throw new UsageException("give --prompt-template or --prompt-template-file, not both");
        }
        String chosen = text;
        if (file != null) {
            Path readable = InputFiles.readable(file, "--prompt-template-file");
            try {
                chosen = Files.readString(readable, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageException("--prompt-template-file: cannot read " + readable + ": " + e.getMessage());
            }
        }
        if (chosen == null) {
            return PromptTemplate.DEFAULT;
        }
        try {
            return new PromptTemplate(chosen);
        } catch (IllegalArgumentException e) {
            throw new UsageException((file != null ? "--prompt-template-file: " : "--prompt-template: ")
                    + e.getMessage());
        }
    }
}
