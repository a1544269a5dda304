import BerthAPI
import BerthRuntime
import Foundation
import OCI
import Testing

@testable import BerthDaemon

/// HostConfig → OCI spec, field by field, with a temporary rootfs (no root needed).
@Suite struct ContainerSpecBuilderTests {
    let work: TemporaryDirectory
    let rootfs: String
    let host: ContainerSpecHost

    init() throws {
        work = try TemporaryDirectory(prefix: "berth-spec")
        rootfs = work.path + "/rootfs"
        try FileManager.default.createDirectory(atPath: rootfs + "/etc", withIntermediateDirectories: true)
        try "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n"
            .write(toFile: rootfs + "/etc/passwd", atomically: true, encoding: .utf8)
        try "root:x:0:\nnogroup:x:65534:\nstaff:x:50:nobody\n".write(toFile: rootfs + "/etc/group", atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: work.path + "/berth-init", contents: Data())
        var host = ContainerSpecHost(dataRoot: work.path + "/data", runtimePath: work.path + "/berth-runtime")
        host.capabilities = CapabilityName.all
        self.host = host
    }

    func spec(_ configure: (inout HostConfig) -> Void = { _ in }, user: String? = nil, volumes: [String] = []) throws -> Spec {
        var hostConfig = HostConfig()
        configure(&hostConfig)
        let config = ContainerConfigDocument(
            imageID: "sha256:00", imageName: "busybox", args: ["sh", "-c", "true"], env: ["PATH=/bin"], workingDir: "/",
            hostname: "h", labels: [:], user: user,
            volumes: volumes.isEmpty ? nil : Dictionary(uniqueKeysWithValues: volumes.map { ($0, EmptyObject()) }),
            hostConfig: hostConfig)
        return try ContainerSpecBuilder.make(config, id: "abc", rootfs: rootfs, host: host)
    }

    @Test func userFromTheImagesFiles() throws {
        let made = try spec({ $0.GroupAdd = ["staff", "99"] }, user: "nobody")
        #expect(made.process?.user == User(uid: 65534, gid: 65534, additionalGids: [65534, 50, 99]))
        #expect(made.process?.env?.contains("HOME=/nonexistent") == true)
        let root = try spec()
        #expect(root.process?.user.uid == 0 && root.process?.env?.contains("HOME=/root") == true)
    }

    @Test func unknownUserIsAStartError() {
        #expect(throws: ContainerSpecBuilder.Failure.self) { try spec(user: "ghost") }
        do { _ = try spec(user: "ghost") } catch {
            #expect("\(error)" == "unable to find user ghost: no matching entries in passwd file")
        }
    }

    @Test func capabilitiesAndNoNewPrivileges() throws {
        let made = try spec {
            $0.CapDrop = ["ALL"]
            $0.CapAdd = ["NET_RAW"]
            $0.SecurityOpt = ["no-new-privileges"]
        }
        #expect(made.process?.capabilities?.effective == ["CAP_NET_RAW"])
        #expect(made.process?.capabilities?.bounding == ["CAP_NET_RAW"])
        #expect(made.process?.noNewPrivileges == true)
        #expect(made.linux?.maskedPaths == DefaultSpec.maskedPaths)
    }

    @Test func privilegedOpensEverything() throws {
        let made = try spec { $0.Privileged = true }
        #expect(made.process?.capabilities?.effective == CapabilityName.all)
        #expect(made.linux?.maskedPaths == nil && made.linux?.readonlyPaths == nil && made.linux?.seccomp == nil)
        #expect(made.linux?.resources?.devices == [DeviceCgroupRule(allow: true, access: "rwm")])
        #expect(made.mounts?.first { $0.destination == "/sys" }?.options?.contains("ro") == false)
        #expect(made.linux?.devices?.contains { $0.path == "/dev/null" } == true)
    }

    @Test func limitsSysctlsAndOomScore() throws {
        let made = try spec {
            $0.Ulimits = [Ulimit(name: "nofile", soft: 512, hard: 1024), Ulimit(name: "nproc", soft: -1, hard: -1)]
            $0.Sysctls = ["net.ipv4.ip_forward": "1", "kernel.shmmax": "4096"]
            $0.OomScoreAdj = 500
        }
        let limits = made.process?.rlimits ?? []
        #expect(limits.filter { $0.type == "RLIMIT_NOFILE" } == [Rlimit(type: "RLIMIT_NOFILE", hard: 1024, soft: 512)])
        #expect(limits.contains(Rlimit(type: "RLIMIT_NPROC", hard: UInt64.max, soft: UInt64.max)))
        #expect(made.linux?.sysctl?["net.ipv4.ip_forward"] == "1" && made.linux?.sysctl?["kernel.shmmax"] == "4096")
        #expect(made.process?.oomScoreAdj == 500)
    }

    @Test func mountsShmTmpfsBindsAndVolumes() throws {
        let hostDir = work.path + "/host/new"
        let made = try spec({
            $0.ShmSize = 8 << 20
            $0.Tmpfs = ["/run": "size=64m,exec"]
            $0.Binds = [hostDir + ":/data:ro", "cache:/cache"]
        }, volumes: ["/logs", "/data"])
        let mounts = made.mounts ?? []
        #expect(mounts.first { $0.destination == "/dev/shm" }?.options?.contains("size=8388608") == true)
        #expect(mounts.first { $0.destination == "/run" } == Mount(destination: "/run", type: "tmpfs", source: "tmpfs",
                                                                   options: ["nosuid", "nodev", "rprivate", "size=64m", "exec"]))
        #expect(mounts.first { $0.destination == "/data" } == Mount(destination: "/data", type: "bind", source: hostDir,
                                                                    options: ["rbind", "ro", "rprivate"]))
        #expect(FileManager.default.fileExists(atPath: hostDir))
        #expect(FileManager.default.fileExists(atPath: work.path + "/data/volumes/cache/_data"))
        let logs = try #require(mounts.first { $0.destination == "/logs" })
        #expect(logs.source?.hasPrefix(work.path + "/data/volumes/") == true && FileManager.default.fileExists(atPath: logs.source ?? ""))
        // Declared volume /data is covered by the bind: no second mount there.
        #expect(mounts.filter { $0.destination == "/data" }.count == 1)
    }

    @Test func aUserMountReplacesTheDefaultOne() throws {
        let made = try spec { $0.Tmpfs = ["/dev/shm": "size=1m"] }
        let shm = (made.mounts ?? []).filter { $0.destination == "/dev/shm" }
        #expect(shm.count == 1 && shm.first?.type == "tmpfs" && shm.first?.options?.contains("size=1m") == true)
    }

    @Test func initRunsFirstFromItsBindMount() throws {
        let made = try spec { $0.Init = true }
        #expect(made.process?.args == ["/sbin/docker-init", "--", "sh", "-c", "true"])
        #expect(made.mounts?.last == Mount(destination: "/sbin/docker-init", type: "bind", source: work.path + "/berth-init",
                                           options: ["bind", "ro"]))
    }
}
