#include <sqlite3.h>

/// Turns off SQLite's memory statistics, which take a global mutex around every allocation.
/// `sqlite3_config` is variadic, so Swift cannot call it; this must run before the first
/// connection opens, and answers SQLITE_MISUSE (changing nothing) once SQLite is initialised.
static inline int shelf_sqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
