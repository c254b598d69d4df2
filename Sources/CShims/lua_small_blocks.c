#include <stdint.h>
#include <stdlib.h>
#include "lua_small_blocks.h"

/* Bytes taken from malloc at a time; the first 16 link the chunk into the list. */
#define CHUNK_SIZE (64 * 1024)
#define CHUNK_HEADER 16

static size_t class_of(size_t size) { return (size + 7) / 8 - 1; }

int gs_small_blocks_same_class(size_t a, size_t b) {
    return a <= GS_SMALL_BLOCK_LIMIT && b <= GS_SMALL_BLOCK_LIMIT && a > 0 && b > 0 &&
           class_of(a) == class_of(b);
}

void *gs_small_block_new(gs_small_blocks *blocks, size_t size) {
    size_t class = class_of(size);
    void *block = blocks->free_lists[class];
    if (block != NULL) {
        blocks->free_lists[class] = *(void **)block;
        return block;
    }
    size_t rounded = (class + 1) * 8;
    if ((size_t)(blocks->end - blocks->next) < rounded) {
        char *chunk = malloc(CHUNK_SIZE);
        if (chunk == NULL) return NULL;
        *(void **)chunk = blocks->chunks;
        blocks->chunks = chunk;
        /* What was left of the previous chunk is not lost: it feeds the free lists. */
        while ((size_t)(blocks->end - blocks->next) >= 8) {
            size_t left = (size_t)(blocks->end - blocks->next);
            size_t piece = left < GS_SMALL_BLOCK_LIMIT ? left : GS_SMALL_BLOCK_LIMIT;
            gs_small_block_free(blocks, blocks->next, piece - piece % 8);
            blocks->next += piece - piece % 8;
        }
        blocks->next = chunk + CHUNK_HEADER;
        blocks->end = chunk + CHUNK_SIZE;
    }
    block = blocks->next;
    blocks->next += rounded;
    return block;
}

void gs_small_block_free(gs_small_blocks *blocks, void *block, size_t size) {
    size_t class = class_of(size);
    *(void **)block = blocks->free_lists[class];
    blocks->free_lists[class] = block;
}

size_t gs_small_blocks_chunk_count(const gs_small_blocks *blocks) {
    size_t count = 0;
    for (void *chunk = blocks->chunks; chunk != NULL; chunk = *(void **)chunk) count++;
    return count;
}

void gs_small_blocks_release(gs_small_blocks *blocks) {
    void *chunk = blocks->chunks;
    while (chunk != NULL) {
        void *next = *(void **)chunk;
        free(chunk);
        chunk = next;
    }
    *blocks = (gs_small_blocks){0};
}
