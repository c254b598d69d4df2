#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "lua_shims.h"

static gs_swift_dispatch dispatcher = NULL;

void gs_set_dispatch(gs_swift_dispatch dispatch) { dispatcher = dispatch; }

/* Calls into Swift; when Swift reports an error, raise it here, in C, where no Swift
   frame lies between this function and the protected call that will catch it. While Swift
   runs, an allocation failure may not raise (see lua_state.c). */
static int trampoline(lua_State *L) {
    gs_state_data *data = gs_data(L);
    int saved = data->errors_caught_by_lua;
    data->errors_caught_by_lua = 0;
    int n = dispatcher(L);
    data->errors_caught_by_lua = saved;
    if (n == GS_RAISE_ERROR) return lua_error(L);
    return n;
}

void gs_push_swift_closure(lua_State *L, int nupvalues) {
    lua_pushcclosure(L, trampoline, nupvalues);
}

const char *const gs_last_traceback_key = "gluescript.last_traceback";

void *gs_getextraspace(lua_State *L) { return lua_getextraspace(L); }

int gs_traceback_handler(lua_State *L) {
    if (lua_type(L, 1) != LUA_TSTRING) {
        /* A non-string error (a table, say) goes through unchanged so that callers see
           the same value; its traceback is kept aside in the registry. */
        luaL_traceback(L, L, NULL, 1);
        lua_pushstring(L, gs_last_traceback_key);
        lua_insert(L, -2);
        lua_rawset(L, LUA_REGISTRYINDEX);
        lua_settop(L, 1);
        return 1;
    }
    luaL_traceback(L, L, lua_tostring(L, 1), 1);
    return 1;
}

int gs_pcall_traceback(lua_State *L, int nargs, int nresults) {
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, gs_traceback_handler);
    lua_insert(L, base);
    int status = gs_pcall(L, nargs, nresults, base);
    lua_remove(L, base);
    return status;
}

const char *gs_lua_release(void) { return LUA_RELEASE; }

void gs_pop(lua_State *L, int n) { lua_pop(L, n); }
void gs_newtable(lua_State *L) { lua_newtable(L); }
void gs_remove(lua_State *L, int idx) { lua_remove(L, idx); }
void gs_insert(lua_State *L, int idx) { lua_insert(L, idx); }
void gs_replace(lua_State *L, int idx) { lua_replace(L, idx); }
int gs_upvalueindex(int i) { return lua_upvalueindex(i); }
int gs_registryindex(void) { return LUA_REGISTRYINDEX; }
lua_Number gs_tonumber(lua_State *L, int idx, int *isnum) { return lua_tonumberx(L, idx, isnum); }
lua_Integer gs_tointeger(lua_State *L, int idx, int *isnum) { return lua_tointegerx(L, idx, isnum); }
void *gs_newuserdata(lua_State *L, size_t size) { return lua_newuserdatauv(L, size, 1); }
int gs_isinteger(lua_State *L, int idx) { return lua_isinteger(L, idx); }
const char *gs_tostring(lua_State *L, int idx, size_t *len) { return lua_tolstring(L, idx, len); }

int gs_gc_pause(lua_State *L) {
    int running = lua_gc(L, LUA_GCISRUNNING);
    if (running) lua_gc(L, LUA_GCSTOP);
    return running;
}
void gs_gc_restart(lua_State *L) { lua_gc(L, LUA_GCRESTART); }

/* States whose running Lua code Ctrl-C interrupts: several hosts may run at once. */
#define GS_MAX_WATCHED 16
static lua_State *volatile watched[GS_MAX_WATCHED];
static struct sigaction previous_action;
static int handler_users = 0;
static pthread_mutex_t interrupt_lock = PTHREAD_MUTEX_INITIALIZER;

static void interrupt_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    lua_sethook(L, NULL, 0, 0);
    luaL_error(L, "interrupted!");
}

/* A second Ctrl-C while a watched state still has the first pending ends the process at
   once, as the stock interpreter does: a script that catches "interrupted!" and goes on, or
   Swift code that does not stop, can still be left. */
static void on_sigint(int sig) {
    (void)sig;
    for (int i = 0; i < GS_MAX_WATCHED; i++) {
        lua_State *L = watched[i];
        if (L != NULL && gs_data(L)->interrupted) _exit(130);
    }
    for (int i = 0; i < GS_MAX_WATCHED; i++) {
        lua_State *L = watched[i];
        if (L == NULL) continue;
        gs_data(L)->interrupted = 1;
        lua_sethook(L, interrupt_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
    }
}

void gs_interrupt_watch(lua_State *L) {
    pthread_mutex_lock(&interrupt_lock);
    for (int i = 0; i < GS_MAX_WATCHED; i++) {
        if (watched[i] == NULL) {
            watched[i] = L;
            break;
        }
    }
    pthread_mutex_unlock(&interrupt_lock);
}

void gs_interrupt_unwatch(lua_State *L) {
    pthread_mutex_lock(&interrupt_lock);
    for (int i = 0; i < GS_MAX_WATCHED; i++) {
        if (watched[i] == L) {
            watched[i] = NULL;
            break;
        }
    }
    pthread_mutex_unlock(&interrupt_lock);
}

int gs_interrupted(lua_State *L) { return gs_data(L)->interrupted; }
void gs_interrupt_reset(lua_State *L) { gs_data(L)->interrupted = 0; }

/* The handler is installed by the first watcher and the previous one restored by the last. */
void gs_interrupt_install_handler(void) {
    pthread_mutex_lock(&interrupt_lock);
    if (handler_users++ == 0) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_sigint;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0; /* no SA_RESTART: a blocking read returns EINTR */
        sigaction(SIGINT, &action, &previous_action);
    }
    pthread_mutex_unlock(&interrupt_lock);
}

void gs_interrupt_restore_handler(void) {
    pthread_mutex_lock(&interrupt_lock);
    if (handler_users > 0 && --handler_users == 0) sigaction(SIGINT, &previous_action, NULL);
    pthread_mutex_unlock(&interrupt_lock);
}

int gs_lua_file_stream(lua_State *L, int idx, FILE **stream) {
    luaL_Stream *file = (luaL_Stream *)luaL_testudata(L, idx, LUA_FILEHANDLE);
    if (file == NULL) return 0;
    if (file->closef == NULL) return -1;
    *stream = file->f;
    return 1;
}

const char *gs_lua_path_default(void) { return LUA_PATH_DEFAULT; }

const char *gs_lua_cpath_default(void) { return LUA_CPATH_DEFAULT; }
