package io.east.core.answer;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Several boxes written as one answer: {@code \boxed{2} and \boxed{7}}, {@code $x=\boxed{-3}$ or $x=\boxed{3}$}.
 * The last balanced box is joined by the boxes before it for as long as each {@link BoxGap gap} between two
 * neighbours is only a separator; the group's answer is their non-empty contents in text order, joined by ", ".
 */
final class BoxGroups {

    /** Bounds a group (and the work on it); real answers list a handful of boxes. */
    static final int MAX_BOXES = 64;

    /** A group of boxes from {@code start} to {@code end} and its answer. */
    record Group(int start, int end, String answer) {}

    private BoxGroups() {}

    /** The group that ends with the last balanced box of {@code t}; null when there is none or all are empty. */
    static Group last(String t) {
        Boxes.Box last = Boxes.lastBalanced(t);
        if (last == null) {
            return null;
        }
        Deque<String> contents = new ArrayDeque<>();
        addContent(contents, last);
        Boxes.Box first = last;
        for (int boxes = 1; boxes < MAX_BOXES; boxes++) {
            Boxes.Box previous = previousBox(t, first);
            if (previous == null || !BoxGap.joins(t.substring(previous.end(), first.start()))) {
                break;
            }
            addContent(contents, previous);
            first = previous;
        }
        return contents.isEmpty() ? null : new Group(first.start(), last.end(), String.join(", ", contents));
    }

    private static void addContent(Deque<String> contents, Boxes.Box box) {
        String content = box.content().strip();
        if (!content.isEmpty()) {
            contents.addFirst(content);
        }
    }

    /**
     * The box command just before {@code box}, read only up to {@code box}'s start (so an enclosing or unbalanced
     * box is no neighbour, and the work stays within the text between them).
     */
    private static Boxes.Box previousBox(String t, Boxes.Box box) {
        int at = Boxes.lastCommandBefore(t, box.start() - 1);
        if (at < 0) {
            return null;
        }
        Boxes.Box previous = Boxes.boxAt(t.substring(at, box.start()), 0);
        return previous == null ? null
                : new Boxes.Box(at, at + previous.end(), previous.content());
    }
}
