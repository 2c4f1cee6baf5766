// libcurl (Debian: libcurl4-openssl-dev), wrapped once for ShelfPayments' HTTP client and
// ShelfMail's SMTP transport.
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

/// The bytes an upload (an SMTP message) reads from, which the caller keeps alive during the transfer.
typedef struct {
    const unsigned char *bytes;
    size_t count;
    size_t offset;
} shelf_curl_source;

/// The last SMTP command's verb (never its arguments: AUTH carries credentials) and the
/// server's replies to it, up to `replies.limit` bytes. The goodbye (QUIT) is not recorded.
typedef struct {
    char command[8];
    shelf_curl_buffer replies;
    int closing;
} shelf_curl_dialog;

CURLcode shelf_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *list);
/// Uploads `source` (CURLOPT_UPLOAD with a read function over the bytes).
CURLcode shelf_curl_upload(CURL *handle, shelf_curl_source *source);
/// Fills `buffer` (CURL_ERROR_SIZE bytes) with the reason of a failed transfer.
CURLcode shelf_curl_set_error_buffer(CURL *handle, char *buffer);
/// Records the protocol dialog into `dialog` (which the caller frees with shelf_curl_buffer_free).
CURLcode shelf_curl_record_dialog(CURL *handle, shelf_curl_dialog *dialog);

#endif
