package io.east.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How flags, files and records spell an enum constant: its name in lower case with '-' for '_' ({@code QWEN_EVAL} is
 * {@code qwen-eval}). One rule, so that every enum a user types is read the same way: in any case, blanks trimmed.
 */
public final class EnumIds {

    private EnumIds() {
    }

    public static String id(Enum<?> constant) {
        return id(constant.name());
    }

    /** The id of the constant with this name. */
    public static String id(String constantName) {
        return constantName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant {@code text} spells, or empty for null or anything else. */
    public static <E extends Enum<E>> Optional<E> find(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(constant -> id(constant).equals(wanted)).findFirst();
    }

    /**
     * The constant {@code text} spells.
     *
     * @param what what the text is, for the error: {@code "split"} gives "split must be train or test, got 'x'"
     * @throws IllegalArgumentException for null or anything that spells no constant
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String what, String text) {
        return find(type, text).orElseThrow(() -> new IllegalArgumentException(mustBe(type, what, text)));
    }

    /** "{what} must be a, b or c, got '{text}'". */
    public static String mustBe(Class<? extends Enum<?>> type, String what, String text) {
        return what + " must be " + choices(type) + ", got '" + text + "'";
    }

    /** Every constant's id, as a sentence lists them: "a, b or c". */
    public static String choices(Class<? extends Enum<?>> type) {
        List<String> ids = Arrays.stream(type.getEnumConstants()).map(EnumIds::id).toList();
        if (ids.size() == 1) {
            return ids.get(0);
        }
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
    }
}
