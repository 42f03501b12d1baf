package io.east.model.torch;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Run by torch-setup in a fresh JVM on a setup it just built: loads that libtorch through DJL and checks, on the
 * device models would use, a bf16 round trip, the fused attention against the same attention from DJL ops, and one
 * fused AdamW update against its formula. Prints one {@value #RESULT} line; exits 1 on any failure.
 */
public final class SetupCheck {

    static final String RESULT = "libtorch check:";

    private SetupCheck() {}

    public static void main(String[] args) throws Exception {
        LibTorchSetup setup = LibTorchSetup.read(Path.of(args[0]));
        setup.activate();
        Engine engine = Engine.getEngine("PyTorch");
        Device device = engine.defaultDevice();
        if (!NativeOps.available()) {
            fail("the fused kernels did not load");
        }
        try (NDManager manager = NDManager.newBaseManager(device)) {
            NDArray x = manager.randomNormal(new Shape(4, 8));
            NDArray roundTrip = x.toType(DataType.BFLOAT16, false).toType(DataType.FLOAT32, false);
            double bf16Error = x.sub(roundTrip).abs().max().getFloat() / x.abs().max().getFloat();
            if (bf16Error > 1e-2) {
                fail("bf16 round trip off by " + bf16Error);
            }
            double attentionError = attentionError(manager);
            if (attentionError > 1e-4) {
                fail("fused attention differs from DJL ops by " + attentionError);
            }
            checkAdamW(manager);
            System.out.printf(Locale.ROOT, "%s %s from %s, engine %s on %s (%d GPU), bf16 ok, fused attention ok "
                            + "(max difference %.1e), fused AdamW ok%n", RESULT, setup.describe(), setup.libDir(),
                    engine.getVersion(), device, engine.getGpuCount(), attentionError);
        }
    }

    private static double attentionError(NDManager manager) {
        NDArray q = manager.randomNormal(new Shape(2, 4, 5, 8));
        NDArray k = manager.randomNormal(new Shape(2, 2, 5, 8));
        NDArray v = manager.randomNormal(new Shape(2, 2, 5, 8));
        double scale = 1 / Math.sqrt(8);
        NDArray fused = NativeOps.attention(q, k, v, null, true, scale);
        // The same with DJL ops: each pair of query heads shares one key/value head.
        NDArray kk = k.repeat(1, 2);
        NDArray vv = v.repeat(1, 2);
        float[] mask = new float[25];
        for (int t = 0; t < 5; t++) {
            for (int s = t + 1; s < 5; s++) {
                mask[t * 5 + s] = Float.NEGATIVE_INFINITY;
            }
        }
        NDArray scores = q.matMul(kk.transpose(0, 1, 3, 2)).mul(scale).add(manager.create(mask, new Shape(5, 5)));
        NDArray eager = scores.softmax(-1).matMul(vv);
        return fused.sub(eager).abs().max().getFloat();
    }

    private static void checkAdamW(NDManager manager) {
        NDArray p = manager.create(new float[] {1f, -2f});
        NDArray g = manager.create(new float[] {0.5f, 0.25f});
        NDArray m = manager.zeros(new Shape(2));
        NDArray v = manager.zeros(new Shape(2));
        NDArray step = manager.create(1f);
        NativeOps.adamW(List.of(p), List.of(g), List.of(m), List.of(v), step, 0.1, 0.9, 0.999, 1e-8, 0.0);
        // The first AdamW step moves each weight by lr * sign(gradient).
        float[] after = p.toFloatArray();
        if (Math.abs(after[0] - 0.9f) > 1e-5 || Math.abs(after[1] + 2.1f) > 1e-5) {
            fail("fused AdamW gave " + new NDList(p) + ", expected [0.9, -2.1]");
        }
    }

    private static void fail(String message) {
        System.out.println(RESULT + " FAILED: " + message);
        System.exit(1);
    }
}
