import Testing
@testable import BerthRuntime
@testable import LinuxSys

// Guards container-id validation and the atomic id reservation in the state directory.
@Suite struct StateStoreTests {
    @Test(arguments: ["abc", "a.b-c_d+e", "A1", "...", String(repeating: "x", count: 1024)])
    func acceptsID(id: String) throws {
        try StateStore.validate(id: id)
    }

    @Test(arguments: ["", ".", "..", "a/b", "a b", "é", "a\n", "a:b", String(repeating: "x", count: 1025)])
    func rejectsID(id: String) {
        #expect(throws: RuntimeError.self) { try StateStore.validate(id: id) }
    }

    @Test func reserveTwiceFails() throws {
        try withTemporaryDirectory { dir in
            let store = StateStore(root: dir + "/state")
            try store.reserve("c1")
            #expect(FileSystem.isDirectory(store.directory("c1")))
            #expect(store.fifoPath("c1") == dir + "/state/c1/exec.fifo")
            #expect { try store.reserve("c1") } throws: { error in
                (error as? RuntimeError)?.message.contains("already exists") == true
            }
            try store.reserve("c2")
        }
    }

    @Test func idsListsOnlyDirectoriesWithState() throws {
        try withTemporaryDirectory { dir in
            let store = StateStore(root: dir)
            #expect(store.ids() == [])
            try store.reserve("b")
            try store.reserve("a")
            try store.reserve("empty")
            for id in ["b", "a"] { try FileSystem.write(store.directory(id) + "/state.json", Array("{}".utf8)) }
            #expect(store.ids() == ["a", "b"])
            try store.remove("a")
            #expect(store.ids() == ["b"])
        }
    }

    @Test func loadMissingContainer() throws {
        try withTemporaryDirectory { dir in
            #expect { try StateStore(root: dir).load("ghost") } throws: { error in
                (error as? RuntimeError)?.message == "container \"ghost\" does not exist"
            }
        }
    }
}
