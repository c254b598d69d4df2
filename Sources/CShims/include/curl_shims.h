#ifndef GLUESCRIPT_CURL_SHIMS_H
#define GLUESCRIPT_CURL_SHIMS_H
#include <curl/curl.h>

/* Typed forms of curl_easy_setopt and curl_easy_getinfo, which are variadic. */
CURLcode gs_curl_setopt_long(CURL *curl, CURLoption option, long value);
CURLcode gs_curl_setopt_string(CURL *curl, CURLoption option, const char *value);
CURLcode gs_curl_setopt_pointer(CURL *curl, CURLoption option, void *value);
CURLcode gs_curl_setopt_offset(CURL *curl, CURLoption option, curl_off_t value);
CURLcode gs_curl_getinfo_long(CURL *curl, CURLINFO info, long *value);

#endif
