// statbench DIR [ROUNDS]: what it costs to learn every `.md` file's size and modification time in
// DIR, the fast path's scan, by each way Linux offers. Prints µs per file (best and median of
// ROUNDS, wall and CPU of the process) for: getdents64 alone; getdents64 + fstatat (today's scan)
// on 1, 2 and 4 threads; statx with the minimal mask (STATX_SIZE | STATX_MTIME, AT_STATX_DONT_SYNC)
// on 1 and 2 threads; io_uring IORING_OP_STATX submitted in batches (raw syscalls, no liburing).
// Run with bench/incremental/statbench N (compiles this file with cc -O2 -pthread).
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <linux/io_uring.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int directory;
static char **names;
static int count;
static volatile uint64_t sink;

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static double cpu_us(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e6 + u.ru_utime.tv_usec + u.ru_stime.tv_usec;
}

struct linux_dirent64 {
    uint64_t d_ino;
    int64_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

// Reads the names (getdents64 in 64 KiB chunks); answers how many `.md` files.
static int list_names(int keep) {
    static char buffer[1 << 16];
    int found = 0;
    lseek(directory, 0, SEEK_SET);
    for (;;) {
        long got = syscall(SYS_getdents64, directory, buffer, sizeof buffer);
        if (got <= 0) break;
        for (long at = 0; at < got;) {
            struct linux_dirent64 *entry = (struct linux_dirent64 *)(buffer + at);
            size_t length = strlen(entry->d_name);
            if (length > 3 && entry->d_name[0] != '.' && strcmp(entry->d_name + length - 3, ".md") == 0) {
                if (keep) names[found] = strdup(entry->d_name);
                found++;
            }
            at += entry->d_reclen;
        }
    }
    return found;
}

struct part {
    int from, to, use_statx;
};

static void *stat_part(void *argument) {
    struct part *part = argument;
    uint64_t sum = 0;
    for (int index = part->from; index < part->to; index++) {
        if (part->use_statx) {
            struct statx info;
            if (statx(directory, names[index], AT_STATX_DONT_SYNC, STATX_SIZE | STATX_MTIME, &info) == 0)
                sum += info.stx_size + info.stx_mtime.tv_nsec;
        } else {
            struct stat info;
            if (fstatat(directory, names[index], &info, 0) == 0) sum += info.st_size + info.st_mtim.tv_nsec;
        }
    }
    sink += sum;
    return NULL;
}

static void stat_all(int threads, int use_statx) {
    list_names(0);  // the scan reads the directory every time
    pthread_t thread[16];
    struct part parts[16];
    for (int t = 0; t < threads; t++) {
        parts[t] = (struct part){count * t / threads, count * (t + 1) / threads, use_statx};
        if (t > 0) pthread_create(&thread[t], NULL, stat_part, &parts[t]);
    }
    stat_part(&parts[0]);
    for (int t = 1; t < threads; t++) pthread_join(thread[t], NULL);
}

static void getdents_only(void) { sink += list_names(0); }
static void fstatat_1(void) { stat_all(1, 0); }
static void fstatat_2(void) { stat_all(2, 0); }
static void fstatat_4(void) { stat_all(4, 0); }
static void statx_1(void) { stat_all(1, 1); }
static void statx_2(void) { stat_all(2, 1); }

// io_uring, raw: one ring, STATX entries submitted `batch` at a time and reaped.
static struct {
    int fd;
    unsigned *sq_head, *sq_tail, *sq_mask, *sq_array, *cq_head, *cq_tail, *cq_mask;
    struct io_uring_sqe *sqes;
    struct io_uring_cqe *cqes;
    unsigned entries;
} ring;
static struct statx *uring_results;

static int ring_setup(unsigned entries) {
    struct io_uring_params params;
    memset(&params, 0, sizeof params);
    ring.fd = syscall(SYS_io_uring_setup, entries, &params);
    if (ring.fd < 0) return -1;
    ring.entries = params.sq_entries;
    size_t sq_size = params.sq_off.array + params.sq_entries * sizeof(unsigned);
    size_t cq_size = params.cq_off.cqes + params.cq_entries * sizeof(struct io_uring_cqe);
    char *sq = mmap(0, sq_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring.fd, IORING_OFF_SQ_RING);
    char *cq = mmap(0, cq_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring.fd, IORING_OFF_CQ_RING);
    ring.sqes = mmap(0, params.sq_entries * sizeof(struct io_uring_sqe), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE,
                     ring.fd, IORING_OFF_SQES);
    if (sq == MAP_FAILED || cq == MAP_FAILED || ring.sqes == MAP_FAILED) return -1;
    ring.sq_head = (unsigned *)(sq + params.sq_off.head);
    ring.sq_tail = (unsigned *)(sq + params.sq_off.tail);
    ring.sq_mask = (unsigned *)(sq + params.sq_off.ring_mask);
    ring.sq_array = (unsigned *)(sq + params.sq_off.array);
    ring.cq_head = (unsigned *)(cq + params.cq_off.head);
    ring.cq_tail = (unsigned *)(cq + params.cq_off.tail);
    ring.cq_mask = (unsigned *)(cq + params.cq_off.ring_mask);
    ring.cqes = (struct io_uring_cqe *)(cq + params.cq_off.cqes);
    return 0;
}

static int uring_failures;

static void uring_statx(void) {
    list_names(0);
    int next = 0, done = 0;
    while (done < count) {
        unsigned tail = *ring.sq_tail, queued = 0;
        while (next < count && queued < ring.entries) {
            unsigned slot = tail & *ring.sq_mask;
            struct io_uring_sqe *sqe = &ring.sqes[slot];
            memset(sqe, 0, sizeof *sqe);
            sqe->opcode = IORING_OP_STATX;
            sqe->fd = directory;
            sqe->addr = (uint64_t)(uintptr_t)names[next];
            sqe->len = STATX_SIZE | STATX_MTIME;
            sqe->statx_flags = AT_STATX_DONT_SYNC;
            sqe->off = (uint64_t)(uintptr_t)&uring_results[next];
            sqe->user_data = next;
            ring.sq_array[slot] = slot;
            tail++, next++, queued++;
        }
        __atomic_store_n(ring.sq_tail, tail, __ATOMIC_RELEASE);
        syscall(SYS_io_uring_enter, ring.fd, queued, queued, IORING_ENTER_GETEVENTS, NULL, 0);
        unsigned head = *ring.cq_head;
        while (head != __atomic_load_n(ring.cq_tail, __ATOMIC_ACQUIRE)) {
            struct io_uring_cqe *cqe = &ring.cqes[head & *ring.cq_mask];
            if (cqe->res < 0) uring_failures++;
            head++, done++;
        }
        __atomic_store_n(ring.cq_head, head, __ATOMIC_RELEASE);
    }
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void measure(const char *label, void (*pass)(void), int rounds) {
    double wall[64], cpu[64];
    pass();  // warm the caches: the fast path runs on a warm dentry and inode cache
    for (int r = 0; r < rounds; r++) {
        double c = cpu_us(), w = now_us();
        pass();
        wall[r] = (now_us() - w) / count;
        cpu[r] = (cpu_us() - c) / count;
    }
    qsort(wall, rounds, sizeof(double), compare);
    qsort(cpu, rounds, sizeof(double), compare);
    printf("%-34s wall %.3f µs/file (best %.3f)  cpu %.3f µs/file  -> %.1f ms for %d files\n", label, wall[rounds / 2], wall[0],
           cpu[rounds / 2], wall[rounds / 2] * count / 1000, count);
}

int main(int argc, char **argv) {
    if (argc < 2) return fprintf(stderr, "usage: statbench DIR [ROUNDS]\n"), 2;
    int rounds = argc > 2 ? atoi(argv[2]) : 9;
    if (rounds < 1 || rounds > 64) rounds = 9;
    directory = open(argv[1], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (directory < 0) return perror(argv[1]), 1;
    count = list_names(0);
    names = calloc(count, sizeof *names);
    list_names(1);
    uring_results = calloc(count, sizeof *uring_results);
    double load[3];
    getloadavg(load, 3);
    printf("%d files in %s, load average %.2f, %ld CPUs\n", count, argv[1], load[0], sysconf(_SC_NPROCESSORS_ONLN));
    measure("getdents64 alone", getdents_only, rounds);
    measure("getdents64 + fstatat, 1 thread", fstatat_1, rounds);
    measure("getdents64 + fstatat, 2 threads", fstatat_2, rounds);
    measure("getdents64 + fstatat, 4 threads", fstatat_4, rounds);
    measure("getdents64 + statx min, 1 thread", statx_1, rounds);
    measure("getdents64 + statx min, 2 threads", statx_2, rounds);
    FILE *disabled = fopen("/proc/sys/kernel/io_uring_disabled", "r");
    int off = 0;
    if (disabled) fscanf(disabled, "%d", &off), fclose(disabled);
    if (ring_setup(256) == 0) {
        measure("io_uring STATX, batches of 256", uring_statx, rounds);
        if (uring_failures) printf("  (%d io_uring statx failed)\n", uring_failures);
    } else {
        printf("io_uring unavailable (io_uring_disabled = %d)\n", off);
    }
    getloadavg(load, 3);
    printf("load average after %.2f\n", load[0]);
    return (int)(sink & 0);
}
