#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include "curl_library.h"
#include "curl_api.h"

#ifdef __APPLE__
#define GS_CURL_DEFAULT_NAME "libcurl.4.dylib"
#else
#define GS_CURL_DEFAULT_NAME "libcurl.so.4"
#endif

struct gs_curl_api gs_curl_api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *requested_path = NULL;
static int load_status = -1;
static char load_error[512];

static int resolve(void *library, const char *name, void **slot) {
    *slot = dlsym(library, name);
    if (*slot == NULL) {
        snprintf(load_error, sizeof load_error, "%s has no function %s", gs_curl_library_name(), name);
        return -1;
    }
    return 0;
}

static int attempted = 0;

static void load_library(void) {
    attempted = 1;
    void *library = dlopen(gs_curl_library_name(), RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *why = dlerror();
        snprintf(load_error, sizeof load_error, "%s", why ? why : gs_curl_library_name());
        return;
    }
#define RESOLVE(field, name) \
    if (resolve(library, name, (void **)&gs_curl_api.field) != 0) return;
    RESOLVE(global_init, "curl_global_init")
    RESOLVE(easy_init, "curl_easy_init")
    RESOLVE(easy_cleanup, "curl_easy_cleanup")
    RESOLVE(easy_reset, "curl_easy_reset")
    RESOLVE(easy_perform, "curl_easy_perform")
    RESOLVE(easy_strerror, "curl_easy_strerror")
    RESOLVE(easy_setopt, "curl_easy_setopt")
    RESOLVE(easy_getinfo, "curl_easy_getinfo")
    RESOLVE(slist_append, "curl_slist_append")
    RESOLVE(slist_free_all, "curl_slist_free_all")
    RESOLVE(multi_init, "curl_multi_init")
    RESOLVE(multi_cleanup, "curl_multi_cleanup")
    RESOLVE(multi_add_handle, "curl_multi_add_handle")
    RESOLVE(multi_remove_handle, "curl_multi_remove_handle")
    RESOLVE(multi_perform, "curl_multi_perform")
    RESOLVE(multi_info_read, "curl_multi_info_read")
    RESOLVE(multi_poll, "curl_multi_poll")
    RESOLVE(multi_strerror, "curl_multi_strerror")
    RESOLVE(multi_setopt, "curl_multi_setopt")
    RESOLVE(multi_socket_action, "curl_multi_socket_action")
#undef RESOLVE
    load_status = 0;
}

int gs_curl_load(const char *path) {
    if (!attempted && path != NULL && path[0] != '\0') requested_path = path;
    pthread_once(&load_once, load_library);
    return load_status;
}

const char *gs_curl_load_error(void) { return load_error; }

const char *gs_curl_library_name(void) { return requested_path ? requested_path : GS_CURL_DEFAULT_NAME; }

CURLcode gs_curl_global_init(long flags) { return gs_curl_api.global_init(flags); }
CURL *gs_curl_easy_init(void) { return gs_curl_api.easy_init(); }
void gs_curl_easy_cleanup(CURL *curl) { gs_curl_api.easy_cleanup(curl); }
void gs_curl_easy_reset(CURL *curl) { gs_curl_api.easy_reset(curl); }
CURLcode gs_curl_easy_perform(CURL *curl) { return gs_curl_api.easy_perform(curl); }
const char *gs_curl_easy_strerror(CURLcode code) { return gs_curl_api.easy_strerror(code); }
struct curl_slist *gs_curl_slist_append(struct curl_slist *list, const char *line) {
    return gs_curl_api.slist_append(list, line);
}
void gs_curl_slist_free_all(struct curl_slist *list) { gs_curl_api.slist_free_all(list); }
CURLM *gs_curl_multi_init(void) { return gs_curl_api.multi_init(); }
CURLMcode gs_curl_multi_cleanup(CURLM *multi) { return gs_curl_api.multi_cleanup(multi); }
CURLMcode gs_curl_multi_add_handle(CURLM *multi, CURL *curl) { return gs_curl_api.multi_add_handle(multi, curl); }
CURLMcode gs_curl_multi_remove_handle(CURLM *multi, CURL *curl) { return gs_curl_api.multi_remove_handle(multi, curl); }
CURLMcode gs_curl_multi_perform(CURLM *multi, int *running) { return gs_curl_api.multi_perform(multi, running); }
CURLMsg *gs_curl_multi_info_read(CURLM *multi, int *queued) { return gs_curl_api.multi_info_read(multi, queued); }
CURLMcode gs_curl_multi_poll(CURLM *multi, struct curl_waitfd *extra, unsigned int count, int timeout_ms,
                             int *numfds) {
    return gs_curl_api.multi_poll(multi, extra, count, timeout_ms, numfds);
}
const char *gs_curl_multi_strerror(CURLMcode code) { return gs_curl_api.multi_strerror(code); }
CURLMcode gs_curl_multi_socket_action(CURLM *multi, curl_socket_t socket, int events, int *running) {
    return gs_curl_api.multi_socket_action(multi, socket, events, running);
}
