package io.east.ablation;

/** The colours of the configs, in --configs order, the same in both charts. */
final class Palette {

    private static final String[] COLOURS = {
        "#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3", "#8c8c8c", "#ccb974", "#64b5cd"};

    private Palette() {
    }

    static String colour(int index) {
        return COLOURS[Math.floorMod(index, COLOURS.length)];
    }
}
