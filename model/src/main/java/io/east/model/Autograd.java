package io.east.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * The two autograd switches DJL's public API lacks, for the PyTorch engine.
 *
 * <p>libtorch's grad mode is per thread: DJL turns it off only on the thread that first loads the engine,
 * so on any other thread (a Kafka consumer, a JUnit worker) every op on a trainable weight records a graph
 * unless it is switched off explicitly. Inference and optimizer updates therefore run inside
 * {@link #withoutGradients}.
 */
public final class Autograd {

    private Autograd() {}

    public static <T> T withoutGradients(Supplier<T> body) {
        Engine.getInstance(); // the JNI symbols exist only once the engine is loaded
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return body.get();
        } finally {
            JniUtils.setGradMode(previous);
        }
    }

    public static void withoutGradients(Runnable body) {
        withoutGradients(() -> {
            body.run();
            return null;
        });
    }

    /**
     * Clears accumulated gradients. Backward adds to {@code .grad}, and DJL's GradientCollector does not
     * clear it on open; its own zeroGradients walks every array of the engine.
     */
    public static void zeroGradients(Collection<NDArray> parameters) {
        for (NDArray p : parameters) {
            JniUtils.zeroGrad((PtNDArray) p);
        }
    }
}
