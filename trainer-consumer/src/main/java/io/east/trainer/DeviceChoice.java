package io.east.trainer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/**
 * Where training runs. The model module puts models on the engine's default device, which is GPU 0 whenever the
 * PyTorch engine sees a CUDA device (that needs DJL's CUDA native instead of the bundled CPU one: README, "Training
 * on a GPU"). So {@code AUTO} uses a GPU when there is one, {@code GPU} insists on one, and {@code CPU} is only
 * possible where the engine sees none.
 */
public enum DeviceChoice {
    AUTO, CPU, GPU;

    public static DeviceChoice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device must be auto, cpu or gpu, got '" + text + "'", e);
        }
    }

    /**
     * Loads the engine (the first call unpacks libtorch) and returns the device models will live on.
     *
     * @throws InvalidSetupException when the choice cannot be met
     */
    public Device resolve() {
        Engine engine = Engine.getInstance();
        return resolve(engine.getGpuCount(), engine.defaultDevice());
    }

    Device resolve(int gpuCount, Device engineDefault) {
        if (this == GPU && gpuCount == 0) {
            throw new InvalidSetupException("--device gpu: the PyTorch engine sees no GPU. Either this machine has "
                    + "no CUDA device, or the build carries DJL's CPU libtorch (ai.djl.pytorch:pytorch-native-cpu); "
                    + "see the README section 'Training on a GPU' for swapping in the CUDA native");
        }
        if (this == CPU && gpuCount > 0) {
            throw new InvalidSetupException("--device cpu: the engine sees " + gpuCount + " GPU(s) and models are "
                    + "placed on " + engineDefault + "; hide them with CUDA_VISIBLE_DEVICES= to train on the CPU");
        }
        return engineDefault;
    }
}
