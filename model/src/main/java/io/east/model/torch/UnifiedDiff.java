package io.east.model.torch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a unified diff to a source tree, strictly: every hunk's context and removed lines must stand at the line
 * the hunk names, or the patch fails naming the file and hunk. Enough for the small patches this project keeps
 * beside vendored sources; no fuzz, no renames, no new files.
 */
final class UnifiedDiff {

    private UnifiedDiff() {}

    /** Applies {@code diff} (paths after {@code a/} and {@code b/}, as {@code git diff} writes them) under root. */
    static void apply(String diff, Path root) throws IOException {
        List<String> lines = diff.lines().toList();
        int i = 0;
        while (i < lines.size()) {
            if (!lines.get(i).startsWith("--- ")) {
                i++;
                continue;
            }
            if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("+++ ")) {
                throw new IOException("patch line " + (i + 2) + ": '+++' expected after '---'");
            }
            String target = stripPrefix(lines.get(i + 1).substring(4).trim());
            i += 2;
            Path file = root.resolve(target).normalize();
            if (!file.startsWith(root.normalize())) {
                throw new IOException("patch names a file outside the tree: " + target);
            }
            List<String> source = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            int shift = 0;
            while (i < lines.size() && lines.get(i).startsWith("@@")) {
                String header = lines.get(i);
                int start = hunkStart(header);
                i++;
                List<String> removed = new ArrayList<>();
                List<String> added = new ArrayList<>();
                while (i < lines.size() && !lines.get(i).startsWith("@@") && !lines.get(i).startsWith("--- ")) {
                    String line = lines.get(i);
                    if (line.isEmpty() || line.charAt(0) == ' ') {
                        String text = line.isEmpty() ? "" : line.substring(1);
                        removed.add(text);
                        added.add(text);
                    } else if (line.charAt(0) == '-') {
                        removed.add(line.substring(1));
                    } else if (line.charAt(0) == '+') {
                        added.add(line.substring(1));
                    } else if (!line.startsWith("\\")) {
                        break;
                    }
                    i++;
                }
                int at = start - 1 + shift;
                if (at < 0 || at + removed.size() > source.size()
                        || !source.subList(at, at + removed.size()).equals(removed)) {
                    throw new IOException(target + ": hunk " + header + " does not match the source");
                }
                source.subList(at, at + removed.size()).clear();
                source.addAll(at, added);
                shift += added.size() - removed.size();
            }
            Files.write(file, source, StandardCharsets.UTF_8);
        }
    }

    private static String stripPrefix(String path) {
        return path.startsWith("a/") || path.startsWith("b/") ? path.substring(2) : path;
    }

    /** The old-file start line of "@@ -START,COUNT +START,COUNT @@". */
    private static int hunkStart(String header) throws IOException {
        try {
            String old = header.substring(header.indexOf('-') + 1, header.indexOf(' ', header.indexOf('-')));
            int comma = old.indexOf(',');
            return Integer.parseInt(comma < 0 ? old : old.substring(0, comma));
        } catch (RuntimeException e) {
            throw new IOException("malformed hunk header: " + header, e);
        }
    }
}
