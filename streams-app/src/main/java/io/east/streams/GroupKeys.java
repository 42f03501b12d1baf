package io.east.streams;

/**
 * Keys of the sample store: the task id, a NUL separator (task ids may not hold control characters, so one task's
 * prefix never matches another's), and the zero-padded sample index, so a prefix scan returns a task's samples in
 * index order.
 */
final class GroupKeys {

    private static final char SEPARATOR = '\u0000';

    private GroupKeys() {
    }

    static String prefix(String taskId) {
        return taskId + SEPARATOR;
    }

    static String sample(String taskId, int sampleIndex) {
        // Same key as String.format("%06d") gave, without parsing a pattern for every sample (indexes are >= 0).
        String digits = Integer.toString(sampleIndex);
        StringBuilder key = new StringBuilder(taskId.length() + 1 + Math.max(6, digits.length()))
                .append(taskId).append(SEPARATOR);
        for (int i = digits.length(); i < 6; i++) {
            key.append('0');
        }
        return key.append(digits).toString();
    }
}
