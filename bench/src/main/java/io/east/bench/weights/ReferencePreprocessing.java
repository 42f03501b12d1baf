package io.east.bench.weights;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The reference EAST code's own preprocessing, run by bench/reference_weights.py with a given Python on a checkout of
 * the public EAST repository: its {@code construct_pair_fn} from data_generation/util.py, then a weight per kept
 * question, written out as JSON lines.
 *
 * @param python an interpreter with what data_generation/util.py imports (numpy)
 * @param checkout the root of the checkout
 * @param driver bench/reference_weights.py
 */
public record ReferencePreprocessing(Path python, Path checkout, Path driver) {

    public ReferencePreprocessing {
        if (!Files.isRegularFile(checkout.resolve("data_generation").resolve("util.py"))) {
            throw new IllegalArgumentException("--reference " + checkout + " has no data_generation/util.py; give the "
                    + "root of a checkout of the public EAST repository");
        }
        if (!Files.isRegularFile(driver)) {
            throw new IllegalArgumentException("--reference-script " + driver + " is not a file; run from the "
                    + "repository root or give the path of bench/reference_weights.py");
        }
    }

    List<String> command(Path input, Path output) {
        return List.of(python.toString(), driver.toString(), "--reference", checkout.toString(), "--input",
                input.toString(), "--output", output.toString());
    }
}
