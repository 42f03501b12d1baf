package io.east.producers.generate.openai.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user command of {@code --weight-sync command}, run without a shell. The template is split into arguments by
 * this rule, and only this rule:
 * <ul>
 *   <li>unquoted whitespace separates arguments;</li>
 *   <li>{@code '...'} and {@code "..."} group text into one argument, whitespace included; the quotes are removed and
 *       nothing inside them is special (no escapes, no variables), so a quote of the other kind is kept as is;</li>
 *   <li>{@code {path}} and {@code {version}} are replaced after splitting, so a path with spaces stays one argument;
 *       any other {@code {name}} is refused, as a typo would otherwise reach the command.</li>
 * </ul>
 * The template must name {@code {path}}: a command that is not told what to load cannot load it.
 */
public final class SyncCommand {

    public static final String PATH = "{path}";
    public static final String VERSION = "{version}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}\\s]*}");

    private final List<String> template;

    private SyncCommand(List<String> template) {
        this.template = List.copyOf(template);
    }

    /** @throws IllegalArgumentException for an empty template, an unclosed quote or an unknown placeholder */
    public static SyncCommand parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the sync command is empty");
        }
        List<String> arguments = split(text);
        boolean namesPath = false;
        for (String argument : arguments) {
            Matcher matcher = PLACEHOLDER.matcher(argument);
            while (matcher.find()) {
                String placeholder = matcher.group();
                if (!placeholder.equals(PATH) && !placeholder.equals(VERSION)) {
                    throw new IllegalArgumentException("the sync command may only use " + PATH + " and " + VERSION
                            + ", got " + placeholder);
                }
                namesPath |= placeholder.equals(PATH);
            }
        }
        if (!namesPath) {
            throw new IllegalArgumentException("the sync command must pass " + PATH + " to the command, got '" + text
                    + "'");
        }
        return new SyncCommand(arguments);
    }

    private static List<String> split(String text) {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArgument = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inArgument = true;
            } else if (Character.isWhitespace(c)) {
                if (inArgument) {
                    arguments.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
            } else {
                current.append(c);
                inArgument = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("the sync command has an unclosed " + quote + " quote: '" + text + "'");
        }
        if (inArgument) {
            arguments.add(current.toString());
        }
        return arguments;
    }

    /** The program and its arguments, placeholders filled in. */
    public List<String> argv(String path, long version) {
        List<String> argv = new ArrayList<>(template.size());
        for (String argument : template) {
            // One pass, so a path that itself contains "{version}" is passed as it is.
            argv.add(PLACEHOLDER.matcher(argument).replaceAll(match -> Matcher.quoteReplacement(
                    match.group().equals(PATH) ? path : Long.toString(version))));
        }
        return argv;
    }

    /** The split template, placeholders unfilled. */
    public List<String> template() {
        return template;
    }

    @Override
    public String toString() {
        return String.join(" ", template);
    }
}
