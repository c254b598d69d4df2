#ifndef GLUESCRIPT_LUA_SHIMS_H
#define GLUESCRIPT_LUA_SHIMS_H
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include "lua_small_blocks.h"

/* Returned by a Swift function called from Lua when it left an error value on top of
   the stack: the trampoline raises it after every Swift frame has returned. */
#define GS_RAISE_ERROR (-1)

/* The Swift side of every Swift function exposed to Lua: it reads its closure from
   upvalue 1 and returns a result count or GS_RAISE_ERROR. */
typedef int (*gs_swift_dispatch)(lua_State *L);

/* Installs the dispatcher; the same for every state, set once. */
void gs_set_dispatch(gs_swift_dispatch dispatch);

/* Pushes a C closure that calls the dispatcher with `nupvalues` upvalues from the stack. */
void gs_push_swift_closure(lua_State *L, int nupvalues);

/* What the C side keeps for one state made by gs_newstate, shared by all its threads (it is
   the allocator's user data). */
typedef struct gs_state_data {
    /* Ctrl-C was pressed while the state was watched; cleared when a new watch begins. */
    volatile sig_atomic_t interrupted;
    /* 1 while an error raised now would be caught by a protected call with no Swift frame in
       between (Lua code under gs_pcall); 0 while Swift code holds the stack. */
    int errors_caught_by_lua;
    /* Where the state's small objects are carved from. */
    gs_small_blocks small_blocks;
} gs_state_data;

/* A new state whose allocator never raises while Swift code runs, and its closing. */
lua_State *gs_newstate(void);
void gs_close(lua_State *L);
gs_state_data *gs_data(lua_State *L);

/* lua_pcall for Swift callers: the only way Swift runs Lua code or metamethods. */
int gs_pcall(lua_State *L, int nargs, int nresults, int msgh);

/* Writes tostring(number) as Lua formats it ("%.14g", "1.0" for integral floats) into
   `buffer`; the value at `idx` must be a number. No metamethod runs. */
void gs_format_number(lua_State *L, int idx, char *buffer, size_t size);

/* Protected call with a message handler that appends a traceback to string errors. */
int gs_pcall_traceback(lua_State *L, int nargs, int nresults);

/* The message handler above, for callers that push it themselves. */
int gs_traceback_handler(lua_State *L);

/* Macros of lua.h as functions. */
void gs_pop(lua_State *L, int n);
void gs_newtable(lua_State *L);
void gs_remove(lua_State *L, int idx);
void gs_insert(lua_State *L, int idx);
void gs_replace(lua_State *L, int idx);
int gs_upvalueindex(int i);
int gs_registryindex(void);
lua_Number gs_tonumber(lua_State *L, int idx, int *isnum);
lua_Integer gs_tointeger(lua_State *L, int idx, int *isnum);
void *gs_newuserdata(lua_State *L, size_t size);
int gs_isinteger(lua_State *L, int idx);

/* Stops the garbage collector (no collection, no finalizer) and returns whether it was running;
   gs_gc_restart starts it again. lua_gc is variadic, which Swift cannot call. */
int gs_gc_pause(lua_State *L);
void gs_gc_restart(lua_State *L);
const char *gs_tostring(lua_State *L, int idx, size_t *len);

/* Per-thread extra space (LUA_EXTRASPACE bytes, copied to new coroutines): holds the
   owning Swift state so any coroutine's lua_State leads back to it. */
void *gs_getextraspace(lua_State *L);

/* The traceback the message handler recorded for the last non-string error, or NULL. */
extern const char *const gs_last_traceback_key;

/* The release of the Lua library linked in, e.g. "Lua 5.4.6". */
const char *gs_lua_release(void);

/* Ctrl-C: a signal handler installs a hook on the watched states that raises
   "interrupted!" at the next Lua instruction, as the stock interpreter does. */
void gs_interrupt_watch(lua_State *L);
void gs_interrupt_unwatch(lua_State *L);
int gs_interrupted(lua_State *L);
void gs_interrupt_reset(lua_State *L);
void gs_interrupt_install_handler(void);
void gs_interrupt_restore_handler(void);

/* The C stream of the value at `idx` when it is a file of Lua's io library (io.open):
   1 with *stream set when it is open, -1 when it is closed, 0 when it is no Lua file.
   Reads the userdata's luaL_Stream only after luaL_testudata checked its metatable. */
int gs_lua_file_stream(lua_State *L, int idx, FILE **stream);

/* luaconf.h's LUA_PATH_DEFAULT and LUA_CPATH_DEFAULT: package.path and package.cpath when
   the environment is ignored (lua -E). */
const char *gs_lua_path_default(void);
const char *gs_lua_cpath_default(void);

#endif
