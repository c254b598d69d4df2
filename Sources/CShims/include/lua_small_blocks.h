#ifndef GS_LUA_SMALL_BLOCKS_H
#define GS_LUA_SMALL_BLOCKS_H

#include <stddef.h>

/* Lua's many small objects (tables, strings, hash parts of a few slots) carved from large
   chunks, sized to 8 bytes with no header: Lua tells the allocator each block's size when it
   frees or resizes it, so none needs to be stored. Blocks freed go to a list per size and
   are reused; the chunks are returned when the state closes. Larger blocks come from malloc. */
typedef struct gs_small_blocks {
    /* Freed blocks of each size, linked through their first bytes. */
    void *free_lists[32];
    /* The rest of the newest chunk, carved from its start. */
    char *next;
    char *end;
    /* Every chunk, linked through its first bytes, to return them at the end. */
    void *chunks;
} gs_small_blocks;

/* Blocks of at most this many bytes are small ones. */
#define GS_SMALL_BLOCK_LIMIT 256

/* A block of `size` bytes (1 to GS_SMALL_BLOCK_LIMIT), or NULL when memory is exhausted. */
void *gs_small_block_new(gs_small_blocks *blocks, size_t size);

/* Gives back a block made for `size` bytes. */
void gs_small_block_free(gs_small_blocks *blocks, void *block, size_t size);

/* The same size class: a block made for one size serves the other as it is. */
int gs_small_blocks_same_class(size_t a, size_t b);

/* Chunks taken so far: what the small blocks cost in memory, in CHUNK_SIZE units. */
size_t gs_small_blocks_chunk_count(const gs_small_blocks *blocks);

/* Returns every chunk; no block may be used afterwards. */
void gs_small_blocks_release(gs_small_blocks *blocks);

#endif
