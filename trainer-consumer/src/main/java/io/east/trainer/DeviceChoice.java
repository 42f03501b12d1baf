package io.east.trainer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.east.model.torch.LibTorchSetup;
import java.util.Locale;

/**
 * Where training runs. The model module puts models on the engine's default device, which is GPU 0 whenever the
 * PyTorch engine sees a CUDA device (that needs a CUDA libtorch set up by {@code east torch-setup}: the bundled one is
 * CPU only). So {@code AUTO} uses a GPU when there is one, {@code GPU} insists on one, and {@code CPU} is only possible
 * where the engine sees none.
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
        return resolve(engine.getGpuCount(), engine.defaultDevice(), LibTorchSetup.describeLoaded());
    }

    Device resolve(int gpuCount, Device engineDefault, String libtorch) {
        if (this == GPU && gpuCount == 0) {
            throw new InvalidSetupException("--device gpu: the PyTorch engine sees no GPU with " + libtorch + ". "
                    + "GPUs need a CUDA build of PyTorch set up once with 'east torch-setup --python PY' (README, "
                    + "'Training on a GPU'); with one set up, this machine shows no CUDA device");
        }
        if (this == CPU && gpuCount > 0) {
            throw new InvalidSetupException("--device cpu: the engine sees " + gpuCount + " GPU(s) and models are "
                    + "placed on " + engineDefault + "; hide them with CUDA_VISIBLE_DEVICES= to train on the CPU");
        }
        return engineDefault;
    }
}
