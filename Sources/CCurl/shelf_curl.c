#include "shelf_curl.h"
#include <stdlib.h>
#include <string.h>

CURLcode shelf_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode shelf_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode shelf_curl_set_headers(CURL *handle, struct curl_slist *headers) {
    return curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
}

CURLcode shelf_curl_set_body(CURL *handle, const char *bytes, long count) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE, count);
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(handle, CURLOPT_COPYPOSTFIELDS, bytes);
}

static size_t shelf_curl_write(char *data, size_t size, size_t count, void *context) {
    shelf_curl_buffer *buffer = context;
    size_t length = size * count;
    if (buffer->count + length > buffer->limit) {
        buffer->overflowed = 1;
        return 0;  // makes curl stop with CURLE_WRITE_ERROR
    }
    if (buffer->count + length > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity * 2 : 4096;
        while (capacity < buffer->count + length) capacity *= 2;
        unsigned char *grown = realloc(buffer->bytes, capacity);
        if (!grown) return 0;
        buffer->bytes = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->bytes + buffer->count, data, length);
    buffer->count += length;
    return length;
}

CURLcode shelf_curl_collect_body(CURL *handle, shelf_curl_buffer *buffer) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, shelf_curl_write);
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(handle, CURLOPT_WRITEDATA, buffer);
}

long shelf_curl_status(CURL *handle) {
    long status = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
    return status;
}

void shelf_curl_buffer_free(shelf_curl_buffer *buffer) {
    free(buffer->bytes);
    buffer->bytes = NULL;
    buffer->count = buffer->capacity = 0;
}

CURLcode shelf_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *list) {
    return curl_easy_setopt(handle, option, list);
}

static size_t shelf_curl_read(char *into, size_t size, size_t count, void *context) {
    shelf_curl_source *source = context;
    size_t length = source->count - source->offset;
    if (length > size * count) length = size * count;
    memcpy(into, source->bytes + source->offset, length);
    source->offset += length;
    return length;
}

CURLcode shelf_curl_upload(CURL *handle, shelf_curl_source *source) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_READFUNCTION, shelf_curl_read);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_READDATA, source);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_INFILESIZE_LARGE, (curl_off_t)source->count);
    return code;
}

CURLcode shelf_curl_set_error_buffer(CURL *handle, char *buffer) {
    return curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, buffer);
}

static int shelf_curl_debug(CURL *handle, curl_infotype type, char *data, size_t size, void *context) {
    (void)handle;
    shelf_curl_dialog *dialog = context;
    if (dialog->closing) return 0;
    if (type == CURLINFO_HEADER_OUT) {
        char verb[sizeof dialog->command] = {0};
        size_t length = 0;
        while (length < size && length < sizeof verb - 1 && data[length] >= 'A' && data[length] <= 'Z') length++;
        memcpy(verb, data, length);
        if (strcmp(verb, "QUIT") == 0) {
            dialog->closing = 1;
        } else {
            memcpy(dialog->command, verb, sizeof verb);
            dialog->replies.count = 0;
        }
    } else if (type == CURLINFO_HEADER_IN) {
        shelf_curl_buffer *replies = &dialog->replies;
        if (replies->count + size > replies->limit) size = replies->limit - replies->count;
        if (shelf_curl_write(data, 1, size, replies) != size) replies->overflowed = 1;
    }
    return 0;
}

CURLcode shelf_curl_record_dialog(CURL *handle, shelf_curl_dialog *dialog) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, shelf_curl_debug);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_DEBUGDATA, dialog);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_VERBOSE, 1L);
    return code;
}
