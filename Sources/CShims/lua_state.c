#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lua_shims.h"

/* The allocator of every state made by gs_newstate. An allocation that fails while Swift
   code holds the stack ends the process with a message instead of raising: Lua's memory
   error would longjmp across Swift frames. While Lua code runs under a protected call it
   fails as usual, and the script gets a catchable "not enough memory". */
static void *guarded_alloc(void *ud, void *block, size_t old_size, size_t new_size) {
    (void)old_size;
    if (new_size == 0) {
        free(block);
        return NULL;
    }
    void *resized = realloc(block, new_size);
    if (resized == NULL && ((gs_state_data *)ud)->errors_caught_by_lua == 0) {
        fputs("gluescript: not enough memory\n", stderr);
        abort();
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
