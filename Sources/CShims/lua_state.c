#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lua_shims.h"

/* Gives back a block of `size` bytes, wherever it came from. */
static void release_block(gs_small_blocks *small, void *block, size_t size) {
    if (size <= GS_SMALL_BLOCK_LIMIT) {
        gs_small_block_free(small, block, size);
    } else {
        free(block);
    }
}

/* A block of `new_size` bytes holding the first bytes of `block` (NULL: a new one), which is
   given back; NULL when memory is exhausted, `block` then left as it was. */
static void *resize_block(gs_small_blocks *small, void *block, size_t old_size, size_t new_size) {
    if (block != NULL && gs_small_blocks_same_class(old_size, new_size)) return block;
    if (block != NULL && old_size > GS_SMALL_BLOCK_LIMIT && new_size > GS_SMALL_BLOCK_LIMIT) {
        return realloc(block, new_size);
    }
    void *fresh = new_size <= GS_SMALL_BLOCK_LIMIT ? gs_small_block_new(small, new_size) : malloc(new_size);
    if (fresh != NULL && block != NULL) {
        memcpy(fresh, block, old_size < new_size ? old_size : new_size);
        release_block(small, block, old_size);
    }
    return fresh;
}

/* The allocator of every state made by gs_newstate: small blocks from the state's own chunks
   (lua_small_blocks.h), larger ones from malloc. An allocation that fails while Swift code
   holds the stack ends the process with a message instead of raising: Lua's memory error
   would longjmp across Swift frames. While Lua code runs under a protected call it fails as
   usual, and the script gets a catchable "not enough memory". */
static void *guarded_alloc(void *ud, void *block, size_t old_size, size_t new_size) {
    gs_state_data *data = ud;
    /* Without a block, Lua passes the kind of object in `old_size`, not a size. */
    if (block == NULL) old_size = 0;
    if (new_size == 0) {
        if (block != NULL) release_block(&data->small_blocks, block, old_size);
        return NULL;
    }
    void *resized = resize_block(&data->small_blocks, block, old_size, new_size);
    if (resized == NULL) {
        /* Lua counts on a block never failing to shrink: the old one serves, being larger
           (given back later under its new size, it stays usable at that size). */
        if (block != NULL && new_size <= old_size) return block;
        if (data->errors_caught_by_lua == 0) {
            fputs("gluescript: not enough memory\n", stderr);
            abort();
        }
    }
    return resized;
}

lua_State *gs_newstate(void) {
    gs_state_data *data = calloc(1, sizeof *data);
    if (data == NULL) return NULL;
    lua_State *L = lua_newstate(guarded_alloc, data);
    if (L == NULL) free(data);
    return L;
}

void gs_close(lua_State *L) {
    gs_state_data *data = gs_data(L);
    lua_close(L);
    gs_small_blocks_release(&data->small_blocks);
    free(data);
}

gs_state_data *gs_data(lua_State *L) {
    void *data = NULL;
    lua_getallocf(L, &data);
    return data;
}

int gs_pcall(lua_State *L, int nargs, int nresults, int msgh) {
    gs_state_data *data = gs_data(L);
    int saved = data->errors_caught_by_lua;
    data->errors_caught_by_lua = 1;
    int status = lua_pcall(L, nargs, nresults, msgh);
    data->errors_caught_by_lua = saved;
    return status;
}

void gs_format_number(lua_State *L, int idx, char *buffer, size_t size) {
    if (lua_isinteger(L, idx)) {
        lua_integer2str(buffer, size, lua_tointeger(L, idx));
        return;
    }
    int length = lua_number2str(buffer, size, lua_tonumber(L, idx));
    /* Like lobject.c: a float that looks like an integer gets ".0". */
    if (length > 0 && (size_t)length + 2 < size && buffer[strspn(buffer, "-0123456789")] == '\0') {
        buffer[length] = '.';
        buffer[length + 1] = '0';
        buffer[length + 2] = '\0';
    }
}
