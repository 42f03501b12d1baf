package io.east.core;

/**
 * An enum whose constants flags, files and records spell by {@link EnumIds#id}: {@code QWEN_EVAL} is
 * {@code qwen-eval}. Implemented by enums; {@link Enum#name()} satisfies {@link #name()}.
 */
public interface SpelledEnum {

    String name();

    /** How users and records spell this constant. */
    default String id() {
        return EnumIds.id(name());
    }
}
