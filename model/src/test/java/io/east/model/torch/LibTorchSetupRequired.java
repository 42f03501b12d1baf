package io.east.model.torch;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tests of bf16 and the fused kernels: they run in the model module's libtorch-setup execution, a JVM that loads the
 * libtorch recorded by {@code east torch-setup} before anything touches DJL, and skip, saying so, where none is
 * recorded (as in CI).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("libtorch-setup")
@ExtendWith(LibTorchSetupRequired.Condition.class)
public @interface LibTorchSetupRequired {

    /** Activates the recorded setup once, before the first DJL call of the JVM, and skips without one. */
    final class Condition implements ExecutionCondition {

        private static final boolean READY = activate();

        private static boolean activate() {
            LibTorchSetup.activateRecorded();
            return NativeOps.available();
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return READY ? ConditionEvaluationResult.enabled("libtorch set up by east torch-setup")
                    : ConditionEvaluationResult.disabled("no libtorch set up by 'east torch-setup' under "
                            + LibTorchSetup.home() + ": bf16 and the fused kernels are not tested here (run "
                            + "./east torch-setup --python PY with a Python that has torch)");
        }
    }
}
