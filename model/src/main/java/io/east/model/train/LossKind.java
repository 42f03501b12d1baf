package io.east.model.train;

/** The self-training objective (docs/method.md). */
public enum LossKind {
    /** Weighted mean token NLL of the chosen response. */
    SFT,
    /** Weighted sigmoid DPO against the frozen reference. */
    DPO,
    /** Weighted KTO: chosen desirable, rejected undesirable, KL reference point from mismatched pairs. */
    KTO
}
