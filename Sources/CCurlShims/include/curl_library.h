#ifndef GLUESCRIPT_CURL_LIBRARY_H
#define GLUESCRIPT_CURL_LIBRARY_H
#include <curl/curl.h>

/* libcurl is opened with dlopen the first time a client needs it, so that a program that never
   sends a request (a bare script, the REPL before its first call) does not load it and the ~30
   shared libraries it brings. The functions gluescript uses are resolved into a table of
   function pointers; the gs_curl_* functions below call through it.

   gs_curl_load opens the library once per process (thread-safe) and returns 0 on success;
   otherwise gs_curl_load_error says why (the library's name and dlopen's or dlsym's message).
   `path` names the library to open (NULL: libcurl.so.4, or libcurl.4.dylib on macOS); only the
   first call's path counts. Every other gs_curl_* function requires a successful load. */
int gs_curl_load(const char *path);
const char *gs_curl_load_error(void);
/* The library's file name as it was (or will be) opened. */
const char *gs_curl_library_name(void);

CURLcode gs_curl_global_init(long flags);
CURL *gs_curl_easy_init(void);
void gs_curl_easy_cleanup(CURL *curl);
void gs_curl_easy_reset(CURL *curl);
CURLcode gs_curl_easy_perform(CURL *curl);
const char *gs_curl_easy_strerror(CURLcode code);
struct curl_slist *gs_curl_slist_append(struct curl_slist *list, const char *line);
void gs_curl_slist_free_all(struct curl_slist *list);
CURLM *gs_curl_multi_init(void);
CURLMcode gs_curl_multi_cleanup(CURLM *multi);
CURLMcode gs_curl_multi_add_handle(CURLM *multi, CURL *curl);
CURLMcode gs_curl_multi_remove_handle(CURLM *multi, CURL *curl);
CURLMcode gs_curl_multi_perform(CURLM *multi, int *running);
CURLMsg *gs_curl_multi_info_read(CURLM *multi, int *queued);
CURLMcode gs_curl_multi_poll(CURLM *multi, struct curl_waitfd *extra, unsigned int count, int timeout_ms,
                             int *numfds);
const char *gs_curl_multi_strerror(CURLMcode code);
CURLMcode gs_curl_multi_socket_action(CURLM *multi, curl_socket_t socket, int events, int *running);

#endif
