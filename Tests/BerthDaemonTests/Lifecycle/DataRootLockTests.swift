import Foundation
import Glibc
import Testing

@testable import BerthDaemon

@Suite struct DataRootLockTests {
    @Test func secondLockNamesTheHolder() throws {
        let directory = try TemporaryDirectory(prefix: "berth-lock")
        let root = directory.path + "/root"
        let first = try DataRootLock.acquire(dataRoot: root)
        defer { first.release() }
        #expect(throws: DaemonStartError.alreadyRunning(dataRoot: root, pid: "\(getpid())")) {
            _ = try DataRootLock.acquire(dataRoot: root)
        }
    }

    @Test func releasedLockCanBeTakenAgain() throws {
        let directory = try TemporaryDirectory(prefix: "berth-lock")
        let root = directory.path + "/root"
        try DataRootLock.acquire(dataRoot: root).release()
        let again = try DataRootLock.acquire(dataRoot: root)
        again.release()
    }

    @Test func osReleaseParsing() {
        let fields = HostFacts.osRelease("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nVERSION_ID='12'\nID=debian\n# c=d\n")
        #expect(fields["PRETTY_NAME"] == "Debian GNU/Linux 12 (bookworm)")
        #expect(fields["VERSION_ID"] == "12")
        #expect(fields["ID"] == "debian")
        #expect(fields["# c"] == nil)
    }
}
