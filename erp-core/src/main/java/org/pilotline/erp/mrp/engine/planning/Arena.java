package org.pilotline.erp.mrp.engine.planning;

/**
 * Where one planner thread puts its item plans: large {@code long[]} chunks handed out in slices. A plan of 100,000
 * items is then a few dozen primitive arrays instead of millions of small ones, which keeps the garbage collector's
 * work (and its pauses while a run allocates hundreds of megabytes that stay alive) small. An item's slice never
 * straddles two chunks.
 */
final class Arena {

    private static final int MAX_CHUNK = 1 << 20; // 8 MB

    private long[] chunk;
    private int used;
    private int nextSize;

    /** @param firstChunk the size of the first chunk; later ones double up to 8 MB */
    Arena(int firstChunk) {
        this.nextSize = Math.max(64, firstChunk);
    }

    /** Reserves {@code longs} consecutive longs; {@link #chunk()} is the array they are in. */
    int reserve(int longs) {
        if (chunk == null || chunk.length - used < longs) {
            int size = Math.max(nextSize, longs);
            chunk = new long[size];
            used = 0;
            nextSize = Math.min(MAX_CHUNK, nextSize * 2);
        }
        int at = used;
        used += longs;
        return at;
    }

    long[] chunk() {
        return chunk;
    }
}
