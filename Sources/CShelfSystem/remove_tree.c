#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include "CShelfSystem.h"

static int c_shelf_remove_entry(const char *path, const struct stat *info, int flag, struct FTW *walk) {
    (void)info; (void)flag; (void)walk;
    return remove(path) == 0 ? 0 : -1;
}

int c_shelf_remove_tree(const char *path) {
    return nftw(path, c_shelf_remove_entry, 64, FTW_DEPTH | FTW_PHYS);
}
