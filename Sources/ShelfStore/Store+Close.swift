extension Store {
    /// Closes the store's SQLite connections, the analytics file's too, for a process about to
    /// exit. The last process to close a file checkpoints its WAL and deletes it, so the next
    /// process has no log to read (``SQLiteDatabase/closeIfLogIsLong()`` says why this matters).
    /// With `onlyLongLogs` (a CGI function after each answer), a file is closed only once its
    /// log has grown to 64 frames, which keeps a checkpoint's syncs off most requests. Nothing
    /// to do on PostgreSQL, whose server ends a session when its process goes. The store cannot
    /// be used afterwards.
    public func closeBeforeExit(onlyLongLogs: Bool = false) {
        for file in [analyticsConnection.openedFile, database as? SQLiteDatabase].compactMap({ $0 }) {
            if onlyLongLogs { file.closeIfLogIsLong() } else { file.close() }
        }
    }
}
