// stdin-from FILE [NAME=VALUE...] PROGRAM [ARGUMENT...]: runs PROGRAM with FILE as its
// standard input and NAME=VALUE added to its environment. NAME=@PATH sets NAME to the first line
// of the file PATH, read at each run: the login benchmark's runs each need a cookie of their own,
// written by hyperfine's --prepare.
//
// hyperfine 1.15 (Debian 12) gives every command /dev/null as stdin and has no --input option;
// a CGI request needs its body there, and some runs need one more variable (the cookie) than
// others. This wrapper sets both and execs the program in the same process, so each timed run
// costs one more exec and nothing else, the same for the bare executable and the cart.
// bench/functions/run links it statically (C only, no Swift runtime) to keep that exec as
// cheap as an exec gets.
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int program = 2;
    while (program < argc && strchr(argv[program], '=') != NULL) {
        char *equals = strchr(argv[program], '=');
        if (equals[1] == '@') {
            static char value[4096];
            FILE *file = fopen(equals + 2, "r");
            if (file == NULL || fgets(value, sizeof value, file) == NULL) {
                perror(equals + 2);
                return 66;
            }
            fclose(file);
            value[strcspn(value, "\r\n")] = '\0';
            *equals = '\0';
            if (setenv(argv[program], value, 1) != 0) {
                perror("setenv");
                return 71;
            }
        } else {
            putenv(argv[program]);
        }
        program++;
    }
    if (program >= argc) {
        fputs("usage: stdin-from FILE [NAME=VALUE...] PROGRAM [ARGUMENT...]\n", stderr);
        return 64;
    }
    int fd = open(argv[1], O_RDONLY | O_CLOEXEC);
    if (fd < 0 || dup2(fd, 0) < 0) {
        perror(argv[1]);
        return 66;
    }
    execv(argv[program], argv + program);
    perror(argv[program]);
    return 127;
}
