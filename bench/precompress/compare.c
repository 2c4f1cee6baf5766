// bench/precompress/compare.c: what the .gz copies of a built site cost with zlib and with
// libdeflate, level by level. Reads every file the build pre-compresses (.html, .css, .js,
// .xml, .json, .txt, .svg) under SITE once into memory, then compresses each of them with
// each compressor and level, reporting CPU seconds and total bytes. A file that fails to
// compress is an error (exit 1), so a broken library cannot look fast.
//
//   cc -O2 -o compare compare.c -lz -ldeflate && ./compare SITE
#include <dirent.h>
#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <zlib.h>

typedef struct { unsigned char *bytes; size_t size; } File;
static File *files;
static size_t count, capacity, total;

static int compressible(const char *name) {
    static const char *suffixes[] = {".html", ".css", ".js", ".xml", ".json", ".txt", ".svg"};
    size_t length = strlen(name);
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
        size_t n = strlen(suffixes[i]);
        if (length > n && strcmp(name + length - n, suffixes[i]) == 0) return 1;
    }
    return 0;
}

static void load(const char *path) {
    DIR *dir = opendir(path);
    if (!dir) { perror(path); exit(1); }
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        if (entry->d_name[0] == '.') continue;
        char child[4096];
        snprintf(child, sizeof child, "%s/%s", path, entry->d_name);
        struct stat info;
        if (stat(child, &info) != 0) continue;
        if (S_ISDIR(info.st_mode)) { load(child); continue; }
        if (!S_ISREG(info.st_mode) || !compressible(entry->d_name)) continue;
        FILE *f = fopen(child, "rb");
        if (!f) continue;
        if (count == capacity) { capacity = capacity ? capacity * 2 : 1024; files = realloc(files, capacity * sizeof *files); }
        files[count].bytes = malloc(info.st_size + 1);
        files[count].size = fread(files[count].bytes, 1, info.st_size, f);
        total += files[count].size;
        count++;
        fclose(f);
    }
    closedir(dir);
}

static double cpu(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static size_t with_zlib(const File *file, int level, unsigned char *out, size_t room) {
    z_stream stream = {0};
    if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return 0;
    stream.next_in = file->bytes;
    stream.avail_in = file->size;
    stream.next_out = out;
    stream.avail_out = room;
    size_t written = deflate(&stream, Z_FINISH) == Z_STREAM_END ? stream.total_out : 0;
    deflateEnd(&stream);
    return written;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s SITE\n", argv[0]); return 2; }
    load(argv[1]);
    size_t room = 0;
    for (size_t i = 0; i < count; i++) if (files[i].size > room) room = files[i].size;
    room = room + room / 10 + 1024;
    unsigned char *out = malloc(room);
    printf("{\"files\": %zu, \"bytes\": %zu, \"runs\": [\n", count, total);
    int first = 1;
    for (int library = 0; library < 2; library++) {
        for (int level = 1; level <= 12; level++) {
            if (library == 0 && level > 9) break;
            if (library == 1 && !(level == 1 || level == 4 || level == 6 || level == 9 || level == 12)) continue;
            if (library == 0 && !(level == 1 || level == 4 || level == 6 || level == 9)) continue;
            struct libdeflate_compressor *compressor = library ? libdeflate_alloc_compressor(level) : NULL;
            size_t bytes = 0;
            double start = cpu();
            for (size_t i = 0; i < count; i++) {
                size_t got = library ? libdeflate_gzip_compress(compressor, files[i].bytes, files[i].size, out, room)
                                     : with_zlib(&files[i], level, out, room);
                if (got == 0) { fprintf(stderr, "compressing file %zu failed\n", i); return 1; }
                bytes += got;
            }
            double seconds = cpu() - start;
            if (compressor) libdeflate_free_compressor(compressor);
            printf("%s  {\"library\": \"%s\", \"level\": %d, \"cpu_s\": %.3f, \"bytes\": %zu}", first ? "" : ",\n",
                   library ? "libdeflate" : "zlib", level, seconds, bytes);
            first = 0;
        }
    }
    printf("\n]}\n");
    return 0;
}
