#ifndef C_SHELF_SYSTEM_H
#define C_SHELF_SYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE), so a freshly built
/// site folder replaces the old one with no moment where neither exists.
/// Returns 0 on success, -1 with errno set otherwise.
int c_shelf_exchange_paths(const char *first, const char *second);

/// Deletes a folder and everything under it, deepest first, without following symbolic links
/// (nftw with FTW_DEPTH | FTW_PHYS). Returns 0 when everything went, -1 otherwise.
int c_shelf_remove_tree(const char *path);

/// Gives the free pages of every malloc arena back to the system (glibc malloc_trim(0)): what a
/// finished build step freed stops counting towards the process's resident memory.
void c_shelf_trim_heap(void);

#endif
