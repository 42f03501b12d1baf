package io.east.producers.generate;

import java.util.List;
import java.util.Objects;

/** What became of one {@link GenerationRequest} of a batch: its generations, or why there are none. */
public sealed interface GenerationOutcome {

    record Generated(List<Generation> generations) implements GenerationOutcome {
        public Generated {
            generations = List.copyOf(generations);
        }
    }

    record Failed(String reason) implements GenerationOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static GenerationOutcome of(List<Generation> generations) {
        return new Generated(generations);
    }

    static GenerationOutcome failed(GenerationException e) {
        return new Failed(e.getMessage());
    }
}
