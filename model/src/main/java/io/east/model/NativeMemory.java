package io.east.model;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How libtorch's native memory is kept and handed back (glibc's {@code mallopt} and {@code malloc_trim}).
 *
 * <p>A training step allocates and frees hundreds of megabytes of activations, in tensors of a few megabytes.
 * With glibc's defaults such tensors are mapped and unmapped, or the arena's free top is handed back after the
 * step, so the next step faults every page in again: 17,400 page faults a step for the small bench model, against
 * about 3,800 for PyTorch in Python, and a third of the step's time (758 against 548 ms a step; 2026-11-26). So
 * {@link #reuseFreedMemory()} makes glibc serve tensors up to 32 MiB from its arenas and keep up to 256 MiB free for
 * reuse; what is freed is handed back only at the explicit trims below.
 *
 * <p>libtorch allocates activations with malloc. glibc keeps what is freed for reuse, and with tensor
 * shapes that change from step to step its free lists fragment: resident memory of a training loop then
 * creeps up by some 10% between step 100 and 1,000 although nothing leaks (measured: about 300 MB of the
 * tiny bench model's resident memory is such free memory, and after a trim the rest stays flat). Trimming
 * every step would cost page faults on the next step's allocations, so call this rarely: after saving a
 * checkpoint, between generation batches, or before measuring memory. Where there is no glibc (musl,
 * macOS) it does nothing. JNA comes with DJL.
 */
public final class NativeMemory {

    private static final Logger LOG = LoggerFactory.getLogger(NativeMemory.class);
    private static final CLibrary LIBC = load();

    private NativeMemory() {}

    /** glibc's mallopt parameters (malloc.h). */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    /** The largest mmap threshold glibc accepts on 64-bit (half its arena heap size). */
    static final int MMAP_THRESHOLD_BYTES = 32 << 20;
    static final int TRIM_THRESHOLD_BYTES = 256 << 20;

    private static volatile boolean reusing;

    private interface CLibrary extends Library {
        int malloc_trim(long pad);

        int mallopt(int param, int value);
    }

    private static CLibrary load() {
        try {
            return Native.load("c", CLibrary.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.debug("no C library for malloc_trim: {}", e.toString());
            return null;
        }
    }

    /**
     * Keeps freed tensor memory for reuse instead of faulting it in again every step (see above). Idempotent; true
     * when glibc took both settings, false where there is no glibc or it refused them.
     */
    public static synchronized boolean reuseFreedMemory() {
        if (reusing) {
            return true;
        }
        if (LIBC == null) {
            return false;
        }
        try {
            reusing = LIBC.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1
                    && LIBC.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES) == 1;
        } catch (UnsatisfiedLinkError e) {
            reusing = false;
        }
        if (!reusing) {
            LOG.debug("glibc did not take the mallopt settings: freed tensor memory is not kept for reuse");
        }
        return reusing;
    }

    /** True when free pages were handed back; false where malloc_trim does not exist. */
    public static boolean releaseFreePages() {
        if (LIBC == null) {
            return false;
        }
        try {
            LIBC.malloc_trim(0);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }
}
