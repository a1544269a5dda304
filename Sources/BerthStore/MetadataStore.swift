import GRDB

/// berthd's metadata in one SQLite database (WAL): containers, exec instances,
/// and later volumes and networks. SQLite's constraints do the hard parts —
/// a container name is unique even under concurrent creates, and a crash
/// never leaves half a change.
public final class MetadataStore: Sendable {
    let pool: DatabasePool

    /// Opens (creating and migrating) the database at `path`.
    public init(path: String) throws(StoreError) {
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            // WAL with synchronous=NORMAL: commits survive any crash of berthd
            // (the WAL is in the kernel's page cache); only a power loss can
            // drop the last commits, never corrupt the database. FULL would
            // fsync on every state change of every container.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw .database("open metadata database \(path): \(error)")
        }
    }

    /// The schema, one migration per change; never edit a shipped migration.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: containers and execs") { db in
            try db.create(table: "containers") { table in
                table.primaryKey("id", .text)
                table.column("name", .text).notNull().unique()
                table.column("image", .text).notNull()
                table.column("created", .text).notNull()
                table.column("config", .text).notNull()
                table.column("state", .text).notNull()
            }
            try db.create(table: "execs") { table in
                table.primaryKey("id", .text)
                table.column("containerID", .text).notNull().indexed()
                    .references("containers", onDelete: .cascade)
                table.column("config", .text).notNull()
                table.column("state", .text).notNull()
            }
        }
        migrator.registerMigration("v2: image references") { db in
            try db.create(table: "image_references") { table in
                table.primaryKey("name", .text)
                table.column("image", .text).notNull().indexed()
            }
        }
        return migrator
    }

    /// The journal mode in force ("wal").
    public func journalMode() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    // MARK: - Containers

    /// Inserts a container; fails with `.nameInUse` if the name is taken.
    public func insert(_ row: ContainerRow) throws(StoreError) {
        do {
            try pool.write { db in try row.insert(db) }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            let holder = (try? pool.read { db in try String.fetchOne(db, sql: "SELECT id FROM containers WHERE name = ?", arguments: [row.name]) }) ?? nil
            throw .nameInUse(name: row.name, holder: holder ?? "")
        } catch {
            throw .database("insert container \(row.id): \(error)")
        }
    }

    /// Replaces a container's state document.
    public func updateState(id: String, state: String) throws(StoreError) {
        try updateDocument(id: id, column: "state", value: state)
    }

    /// Replaces a container's configuration document (`docker update`).
    public func updateConfig(id: String, config: String) throws(StoreError) {
        try updateDocument(id: id, column: "config", value: config)
    }

    /// `UPDATE containers SET <column> = ?` for one container (a fixed column name, never input).
    private func updateDocument(id: String, column: String, value: String) throws(StoreError) {
        do {
            let changed = try pool.write { db in
                try db.execute(sql: "UPDATE containers SET \(column) = ? WHERE id = ?", arguments: [value, id])
                return db.changesCount
            }
            if changed == 0 { throw StoreError.noSuchContainer(id) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database("update container \(id): \(error)")
        }
    }

    /// Renames; fails with `.nameInUse` if the new name is taken.
    public func rename(id: String, to name: String) throws(StoreError) {
        do {
            try pool.write { db in
                try db.execute(sql: "UPDATE containers SET name = ? WHERE id = ?", arguments: [name, id])
                if db.changesCount == 0 { throw StoreError.noSuchContainer(id) }
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            let holder = (try? pool.read { db in try String.fetchOne(db, sql: "SELECT id FROM containers WHERE name = ?", arguments: [name]) }) ?? nil
            throw .nameInUse(name: name, holder: holder ?? "")
        } catch {
            throw .database("rename container \(id): \(error)")
        }
    }

    /// Deletes a container (and its exec instances).
    public func deleteContainer(id: String) throws(StoreError) {
        do { try pool.write { db in _ = try ContainerRow.deleteOne(db, key: id) } } catch {
            throw .database("delete container \(id): \(error)")
        }
    }

    /// Finds a container the way dockerd does: full ID, then exact name, then
    /// a unique ID prefix.
    public func container(_ text: String) throws(StoreError) -> ContainerRow {
        let name = text.hasPrefix("/") ? String(text.dropFirst()) : text
        do {
            return try pool.read { db in
                if let row = try ContainerRow.fetchOne(db, key: text) { return row }
                if let row = try ContainerRow.filter(Column("name") == name).fetchOne(db) { return row }
                let matches = try ContainerRow.filter(Column("id").like(Self.escapeLike(text) + "%", escape: "\\")).limit(2).fetchAll(db)
                if matches.count > 1 { throw StoreError.ambiguous(text) }
                if let row = matches.first, !text.isEmpty { return row }
                throw StoreError.noSuchContainer(text)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database("find container \(text): \(error)")
        }
    }

    /// Every container, oldest first.
    public func containers() throws(StoreError) -> [ContainerRow] {
        do { return try pool.read { db in try ContainerRow.order(Column("created")).fetchAll(db) } } catch {
            throw .database("list containers: \(error)")
        }
    }

    // MARK: - Image references

    /// Every image name → image ID.
    public func imageReferences() throws(StoreError) -> [String: String] {
        do {
            return try pool.read { db in
                var result: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT name, image FROM image_references") {
                    result[row["name"]] = row["image"]
                }
                return result
            }
        } catch {
            throw .database("read image references: \(error)")
        }
    }

    /// Replaces every image name in one transaction (the set is small; a
    /// crash leaves the old set or the new one, never a mix).
    public func replaceImageReferences(_ references: [String: String]) throws(StoreError) {
        do {
            try pool.write { db in
                try db.execute(sql: "DELETE FROM image_references")
                for (name, image) in references {
                    try db.execute(sql: "INSERT INTO image_references (name, image) VALUES (?, ?)", arguments: [name, image])
                }
            }
        } catch {
            throw .database("write image references: \(error)")
        }
    }

    // MARK: - Exec instances

    /// Records an exec instance of an existing container.
    public func insert(_ row: ExecRow) throws(StoreError) {
        do { try pool.write { db in try row.insert(db) } } catch let error as DatabaseError
            where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            throw .noSuchContainer(row.containerID)
        } catch {
            throw .database("insert exec \(row.id): \(error)")
        }
    }

    /// The exec instances of a container.
    public func execs(of containerID: String) throws(StoreError) -> [ExecRow] {
        do { return try pool.read { db in try ExecRow.filter(Column("containerID") == containerID).fetchAll(db) } } catch {
            throw .database("list execs: \(error)")
        }
    }

    /// One exec instance by its id; nil when there is none (or its container went).
    public func exec(_ id: String) throws(StoreError) -> ExecRow? {
        do { return try pool.read { db in try ExecRow.fetchOne(db, key: id) } } catch {
            throw .database("read exec \(id): \(error)")
        }
    }

    /// Replaces an exec instance's state document.
    public func updateExecState(id: String, state: String) throws(StoreError) {
        do {
            try pool.write { db in try db.execute(sql: "UPDATE execs SET state = ? WHERE id = ?", arguments: [state, id]) }
        } catch {
            throw .database("update exec \(id): \(error)")
        }
    }

    static func escapeLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
