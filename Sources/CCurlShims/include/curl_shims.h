#ifndef GLUESCRIPT_CURL_SHIMS_H
#define GLUESCRIPT_CURL_SHIMS_H
#include <curl/curl.h>

/* Typed forms of curl_easy_setopt and curl_easy_getinfo, which are variadic. */
CURLcode gs_curl_setopt_long(CURL *curl, CURLoption option, long value);
CURLcode gs_curl_setopt_string(CURL *curl, CURLoption option, const char *value);
CURLcode gs_curl_setopt_pointer(CURL *curl, CURLoption option, void *value);
CURLcode gs_curl_setopt_offset(CURL *curl, CURLoption option, curl_off_t value);
CURLcode gs_curl_getinfo_long(CURL *curl, CURLINFO info, long *value);
CURLcode gs_curl_getinfo_offset(CURL *curl, CURLINFO info, curl_off_t *value);
CURLcode gs_curl_getinfo_pointer(CURL *curl, CURLINFO info, void **value);

/* Callback signatures, spelled out so that Swift sees typed function pointers. */
typedef size_t (*gs_curl_data_callback)(char *buffer, size_t size, size_t count, void *userdata);
typedef int (*gs_curl_seek_callback)(void *userdata, curl_off_t offset, int origin);
typedef int (*gs_curl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                         curl_off_t ultotal, curl_off_t ulnow);

/* Setters for the callback options (CURLOPT_WRITEFUNCTION, HEADERFUNCTION, READFUNCTION take
   gs_curl_data_callback; SEEKFUNCTION and XFERINFOFUNCTION their own types). */
CURLcode gs_curl_setopt_data_callback(CURL *curl, CURLoption option, gs_curl_data_callback callback);
CURLcode gs_curl_setopt_seek_callback(CURL *curl, gs_curl_seek_callback callback);
CURLcode gs_curl_setopt_xferinfo_callback(CURL *curl, gs_curl_xferinfo_callback callback);

/* Typed curl_multi_setopt for long values. */
CURLMcode gs_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);

/* The multi handle's socket and timer callbacks (CURLMOPT_SOCKETFUNCTION, CURLMOPT_TIMERFUNCTION)
   and the pointer each is given (CURLMOPT_SOCKETDATA, CURLMOPT_TIMERDATA). */
typedef int (*gs_curl_socket_callback)(CURL *easy, curl_socket_t socket, int what, void *userdata,
                                       void *socketdata);
typedef int (*gs_curl_timer_callback)(CURLM *multi, long timeout_ms, void *userdata);
CURLMcode gs_curl_multi_setopt_socket_callback(CURLM *multi, gs_curl_socket_callback callback, void *userdata);
CURLMcode gs_curl_multi_setopt_timer_callback(CURLM *multi, gs_curl_timer_callback callback, void *userdata);

#endif
