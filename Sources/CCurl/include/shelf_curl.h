// libcurl (Debian: libcurl4-openssl-dev), wrapped once for ShelfPayments' HTTP client.
// curl_easy_setopt is variadic, which Swift cannot call: these fixed-type wrappers can.
#ifndef SHELF_CURL_H
#define SHELF_CURL_H

#include <curl/curl.h>
#include <stddef.h>

/// Collects a response body in memory, up to a cap.
typedef struct {
    unsigned char *bytes;
    size_t count;
    size_t capacity;
    size_t limit;
    int overflowed;
} shelf_curl_buffer;

CURLcode shelf_curl_set_string(CURL *handle, CURLoption option, const char *value);
CURLcode shelf_curl_set_long(CURL *handle, CURLoption option, long value);
CURLcode shelf_curl_set_headers(CURL *handle, struct curl_slist *headers);
CURLcode shelf_curl_set_body(CURL *handle, const char *bytes, long count);
/// Sends the response body into `buffer` (which the caller frees with shelf_curl_buffer_free).
CURLcode shelf_curl_collect_body(CURL *handle, shelf_curl_buffer *buffer);
long shelf_curl_status(CURL *handle);
void shelf_curl_buffer_free(shelf_curl_buffer *buffer);

#endif
