#include "curl_shims.h"
#include "curl_api.h"

CURLcode gs_curl_setopt_long(CURL *curl, CURLoption option, long value) { return gs_curl_api.easy_setopt(curl, option, value); }
CURLcode gs_curl_setopt_string(CURL *curl, CURLoption option, const char *value) { return gs_curl_api.easy_setopt(curl, option, value); }
CURLcode gs_curl_setopt_pointer(CURL *curl, CURLoption option, void *value) { return gs_curl_api.easy_setopt(curl, option, value); }
CURLcode gs_curl_setopt_offset(CURL *curl, CURLoption option, curl_off_t value) { return gs_curl_api.easy_setopt(curl, option, value); }
CURLcode gs_curl_getinfo_long(CURL *curl, CURLINFO info, long *value) { return gs_curl_api.easy_getinfo(curl, info, value); }
CURLcode gs_curl_getinfo_offset(CURL *curl, CURLINFO info, curl_off_t *value) { return gs_curl_api.easy_getinfo(curl, info, value); }
CURLcode gs_curl_getinfo_pointer(CURL *curl, CURLINFO info, void **value) { return gs_curl_api.easy_getinfo(curl, info, value); }

CURLcode gs_curl_setopt_data_callback(CURL *curl, CURLoption option, gs_curl_data_callback callback) {
    return gs_curl_api.easy_setopt(curl, option, callback);
}
CURLcode gs_curl_setopt_seek_callback(CURL *curl, gs_curl_seek_callback callback) {
    return gs_curl_api.easy_setopt(curl, CURLOPT_SEEKFUNCTION, callback);
}
CURLcode gs_curl_setopt_xferinfo_callback(CURL *curl, gs_curl_xferinfo_callback callback) {
    return gs_curl_api.easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, callback);
}

CURLMcode gs_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value) { return gs_curl_api.multi_setopt(multi, option, value); }

CURLMcode gs_curl_multi_setopt_socket_callback(CURLM *multi, gs_curl_socket_callback callback, void *userdata) {
    CURLMcode code = gs_curl_api.multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, callback);
    return code != CURLM_OK ? code : gs_curl_api.multi_setopt(multi, CURLMOPT_SOCKETDATA, userdata);
}
CURLMcode gs_curl_multi_setopt_timer_callback(CURLM *multi, gs_curl_timer_callback callback, void *userdata) {
    CURLMcode code = gs_curl_api.multi_setopt(multi, CURLMOPT_TIMERFUNCTION, callback);
    return code != CURLM_OK ? code : gs_curl_api.multi_setopt(multi, CURLMOPT_TIMERDATA, userdata);
}
