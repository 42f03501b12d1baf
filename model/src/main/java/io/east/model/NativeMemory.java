package io.east.model;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How libtorch's host memory is kept and handed back (glibc's {@code mallopt} and {@code malloc_trim}).
 *
 * <p>A training step allocates and frees hundreds of megabytes of activations in tensors of a few megabytes. With
 * glibc's defaults such tensors are mapped and unmapped, or trimmed, after every step, and the next step faults every
 * page in again. {@link #reuseFreedMemory()}, called by the entry points that train or sample before their first
 * tensor, makes glibc serve tensors up to 32 MiB from its arenas and keep up to 256 MiB free for reuse.
 *
 * <p>What is kept is handed back only by {@link #releaseFreePages()}: call it rarely (after a checkpoint, between
 * model versions, before measuring memory), since every trim costs page faults on the next allocations. Where there
 * is no glibc (musl, macOS) both do nothing. JNA comes with DJL.
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
