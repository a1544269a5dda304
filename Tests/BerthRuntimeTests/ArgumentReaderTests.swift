import Testing
@testable import BerthRuntime

// Guards runc-style flag parsing: spellings, booleans, errors naming the flag, exec's command tail.
@Suite struct ArgumentReaderTests {
    static let valued = [["--bundle", "-b"], ["--pid-file"], ["--env", "-e"]]
    static let boolean = [["--detach", "-d"], ["--tty", "-t"]]

    func read(_ arguments: [String], stopAfter: Int? = nil) throws(RuntimeError) -> ArgumentReader {
        try ArgumentReader(arguments, valued: Self.valued, boolean: Self.boolean, stopAfterPositionals: stopAfter)
    }

    @Test(arguments: [["--bundle", "x"], ["--bundle=x"], ["-b", "x"], ["-b=x"]])
    func valueSpellings(arguments: [String]) throws {
        let reader = try read(arguments + ["ctr"])
        #expect(reader.value("--bundle") == "x")
        #expect(reader.positionals == ["ctr"])
    }

    @Test func booleansAndRepeatedValues() throws {
        let reader = try read(["-d", "--env", "A=1", "-e=B=2", "ctr", "--tty=false"])
        #expect(reader.flag("--detach"))
        #expect(!reader.flag("--tty"))
        #expect(reader.all("--env") == ["A=1", "B=2"])
        #expect(reader.value("--env") == "B=2")
        #expect(reader.value("--pid-file") == nil)
        #expect(reader.positionals == ["ctr"])
    }

    @Test func lastValueWinsAndFalseClearsSwitch() throws {
        let reader = try read(["-b", "one", "--bundle", "two", "-t", "--tty=false"])
        #expect(reader.value("--bundle") == "two")
        #expect(!reader.flag("--tty"))
    }

    @Test func unknownFlagIsNamed() {
        #expect { try read(["--nope=1"]) } throws: { error in
            (error as? RuntimeError)?.message == "flag provided but not defined: --nope"
        }
    }

    @Test func missingValueIsNamed() {
        #expect { try read(["ctr", "--pid-file"]) } throws: { error in
            (error as? RuntimeError)?.message == "flag needs an argument: --pid-file"
        }
    }

    @Test func execKeepsCommandFlags() throws {
        let reader = try read(["-t", "ctr", "sh", "-c", "echo hi"], stopAfter: 1)
        #expect(reader.flag("--tty"))
        #expect(reader.positionals == ["ctr", "sh", "-c", "echo hi"])
    }

    @Test func doubleDashEndsFlags() throws {
        let reader = try read(["-d", "--", "-b", "x", "--"])
        #expect(reader.flag("--detach"))
        #expect(reader.value("--bundle") == nil)
        #expect(reader.positionals == ["-b", "x", "--"])
    }

    @Test func loneDashIsPositional() throws {
        #expect(try read(["-", "ctr"]).positionals == ["-", "ctr"])
    }
}
