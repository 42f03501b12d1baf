package io.east.producers.generate;

import java.util.List;
import java.util.Objects;

/** What became of one {@link GenerationRequest} of a batch: its generations, or why there are none. */
public sealed interface GenerationOutcome {

    /**
     * This outcome held to the n its request asked for: the first n generations of a backend that returned more
     * (a task's sample set never grows past n), or a failure saying how many came when fewer did.
     */
    GenerationOutcome exactly(int n);

    record Generated(List<Generation> generations) implements GenerationOutcome {
        public Generated {
            generations = List.copyOf(generations);
        }

        @Override
        public GenerationOutcome exactly(int n) {
            int got = generations.size();
            if (got < n) {
                return new Failed("backend returned " + got + " of " + n + " generations");
            }
            return got == n ? this : new Generated(generations.subList(0, n));
        }
    }

    record Failed(String reason) implements GenerationOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public GenerationOutcome exactly(int n) {
            return this;
        }
    }

    static GenerationOutcome of(List<Generation> generations) {
        return new Generated(generations);
    }

    static GenerationOutcome failed(GenerationException e) {
        return new Failed(e.getMessage());
    }
}
