extension Store {
    /// Closes the store's SQLite connections, the analytics file's too, for a process about to
    /// exit: a CGI function after its answer, a FastCGI responder told to end. The last process
    /// to close a file checkpoints its WAL and deletes it, so the next CGI process finds no log
    /// to read (``SQLiteDatabase/close()``). Nothing to do on PostgreSQL, whose server ends a
    /// session when its process goes. The store cannot be used afterwards.
    public func closeBeforeExit() {
        analyticsConnection.close()
        (database as? SQLiteDatabase)?.close()
    }
}
