import Foundation
import OCI
import Testing

/// Guards what the runtime must deny: writes to a read-only root, masked
/// /proc files, dropped capabilities, the host's descriptors and the runtime
/// binary itself.
@Suite(.enabled(if: RuntimeHarness.isRoot, "needs root: real mounts and capabilities"))
struct SecurityRootTests {
    let harness = RuntimeHarness()

    @Test func readOnlyRootRefusesWrites() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["sh", "-c", "touch /should-fail && echo wrote; touch /tmp/x && echo tmp"]) {
            $0.root?.readonly = true
        }
        let result = harness.run(bundle)
        #expect(!result.stdout.contains("wrote"))
        #expect(result.stderr.contains("Read-only file system"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: RuntimeHarness.sharedRootfs + "/should-fail"))
    }

    @Test func maskedPathsAreUnreadable() throws {
        defer { harness.cleanUp() }
        // /proc/keys and /proc/timer_list exist on every kernel; masked, they read empty.
        let bundle = try harness.makeBundle(args: ["sh", "-c", "wc -c < /proc/keys; wc -c < /proc/timer_list; ls /sys/firmware | wc -l; echo 1 > /proc/sys/kernel/domainname || echo ro"])
        let result = harness.run(bundle)
        #expect(result.lines.map { $0.trimmingCharacters(in: .whitespaces) } == ["0", "0", "0", "ro"], "\(result.stdout) \(result.stderr)")
    }

    @Test func droppedCapabilityDenies() throws {
        defer { harness.cleanUp() }
        // Docker's default set has no CAP_SYS_ADMIN: mount must fail.
        let denied = try harness.makeBundle(args: ["sh", "-c", "mount -t tmpfs none /mnt && echo mounted"])
        let result = harness.run(denied)
        #expect(result.status != 0)
        #expect(!result.stdout.contains("mounted"))
        #expect(result.stderr.lowercased().contains("permission denied") || result.stderr.contains("Operation not permitted"), "\(result.stderr)")
        // With CAP_SYS_ADMIN added, the same command works — the denial came from the capability.
        let allowed = try harness.makeBundle(args: ["sh", "-c", "mount -t tmpfs none /mnt && echo mounted"]) { spec in
            for keyPath in [\Capabilities.bounding, \.effective, \.permitted] {
                spec.process?.capabilities?[keyPath: keyPath]?.append("CAP_SYS_ADMIN")
            }
        }
        #expect(harness.run(allowed).stdout == "mounted\n")
    }

    @Test func capabilitySetsMatchTheConfig() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["sh", "-c", "grep -E '^Cap(Eff|Bnd|Amb)' /proc/self/status"]) {
            $0.process?.capabilities = Capabilities(bounding: ["CAP_CHOWN", "CAP_KILL"], effective: ["CAP_KILL"], permitted: ["CAP_KILL"])
        }
        let result = harness.run(bundle)
        #expect(result.status == 0, "\(result.stderr)")
        // CAP_KILL is bit 5 (0x20); CAP_CHOWN bit 0. Root regains the whole
        // bounding set at execve, as under runc and Docker.
        #expect(result.lines == ["CapEff:\t0000000000000021", "CapBnd:\t0000000000000021", "CapAmb:\t0000000000000000"])
    }

    @Test func ambientCapabilitiesReachANonRootUser() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["sh", "-c", "grep -E '^Cap(Eff|Bnd|Amb)' /proc/self/status"]) {
            $0.process?.user = User(uid: 1000, gid: 1000)
            $0.process?.capabilities = Capabilities(bounding: ["CAP_CHOWN", "CAP_KILL"], effective: ["CAP_KILL"],
                                                    inheritable: ["CAP_KILL"], permitted: ["CAP_KILL"], ambient: ["CAP_KILL"])
        }
        let result = harness.run(bundle)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines == ["CapEff:\t0000000000000020", "CapBnd:\t0000000000000021", "CapAmb:\t0000000000000020"])
    }

    @Test func sysctlOomScoreAndNoNewPrivileges() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["sh", "-c",
            "cat /proc/sys/net/ipv4/ip_forward /proc/self/oom_score_adj; grep NoNewPrivs /proc/self/status | cut -f2"]) {
            $0.linux?.sysctl = ["net.ipv4.ip_forward": "1"]
            $0.process?.oomScoreAdj = 500
            $0.process?.noNewPrivileges = true
        }
        let result = harness.run(bundle)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines == ["1", "500", "1"])
    }

    @Test func seccompProfileDeniesWhatItNames() throws {
        defer { harness.cleanUp() }
        // mkdir/mkdirat fail with EPERM; uname(2) with arguments is untouched;
        // personality(0xffffffff) (a query) is refused only for that argument.
        let profile = Seccomp(defaultAction: "SCMP_ACT_ALLOW", syscalls: [
            SeccompSyscall(names: ["mkdir", "mkdirat"], action: "SCMP_ACT_ERRNO", errnoRet: 1),
            SeccompSyscall(names: ["sethostname"], action: "SCMP_ACT_ERRNO", errnoRet: 38,
                           args: [SeccompArg(index: 1, value: 3, op: "SCMP_CMP_EQ")]),
        ])
        let bundle = try harness.makeBundle(args: ["sh", "-c",
            "mkdir /tmp/x 2>&1; uname -s; hostname abc 2>&1; hostname abcd && hostname; echo end"]) { spec in
            spec.linux?.seccomp = profile
            for keyPath in [\Capabilities.bounding, \.effective, \.permitted] {
                spec.process?.capabilities?[keyPath: keyPath]?.append("CAP_SYS_ADMIN")
            }
        }
        let result = harness.run(bundle)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Operation not permitted"), "\(result.stdout)")
        #expect(result.stdout.contains("Linux"))
        // "abc" has length 3: ENOSYS (38); "abcd" is allowed.
        #expect(result.stdout.contains("Function not implemented") || result.stdout.contains("not implemented"), "\(result.stdout)")
        #expect(result.lines.suffix(2) == ["abcd", "end"], "\(result.stdout)")
    }

    @Test func invalidSeccompProfileFailsCreate() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["true"]) {
            $0.linux?.seccomp = Seccomp(defaultAction: "SCMP_ACT_SOMETHING")
        }
        let id = harness.newID()
        let result = harness.runtime(["create", "--bundle", bundle, id])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unsupported seccomp action"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: harness.stateRoot + "/" + id))
    }

    @Test func userAndGroupsAreSwitched() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["sh", "-c", "id -u; id -g; id -G; touch /root/x 2>&1 || echo denied"]) {
            $0.process?.user = User(uid: 1000, gid: 1001, additionalGids: [33, 100])
        }
        let result = harness.run(bundle)
        #expect(result.lines.prefix(3) == ["1000", "1001", "1001 33 100"], "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("denied"))
    }

    @Test func noHostDescriptorLeaksIn() throws {
        defer { harness.cleanUp() }
        let bundle = try harness.makeBundle(args: ["sh", "-c", "ls /proc/self/fd | sort -n | tr '\\n' ' '; echo; readlink /proc/self/cwd"])
        // fd 7 is open (not close-on-exec) in the runtime's caller.
        let command = "exec 7</etc/hostname; exec '\(harness.binary)' --root '\(harness.stateRoot)' run --bundle '\(bundle)' \(harness.newID())"
        let result = RuntimeHarness.shell(["/bin/sh", "-c", command])
        #expect(result.status == 0, "\(result.stderr)")
        // ls itself holds 0, 1, 2 and its directory descriptor (3).
        #expect(result.lines.first == "0 1 2 3 ", "descriptors: \(result.stdout)")
        #expect(result.lines.last == "/")
    }

    @Test func runtimeBinaryIsNotReachableFromTheContainer() throws {
        defer { harness.cleanUp() }
        // While a created container waits for start, its PID 1 is still the
        // runtime. A process exec'd into it must not be able to open that binary.
        // Two guards stand here: the kernel's capability-subset rule (the
        // runtime holds more capabilities than the prober) and non-dumpable
        // (which also covers the short window after the runtime dropped its
        // capabilities and before execve, which no test can hold open).
        let bundle = try harness.makeBundle(args: ["true"])
        let id = harness.newID()
        #expect(harness.runtime(["create", "--bundle", bundle, id]).status == 0)
        let probe = harness.runtime(["exec", id, "sh", "-c", "head -c 4 /proc/1/exe >/dev/null && echo readable; echo x >> /proc/1/exe && echo writable"])
        #expect(!probe.stdout.contains("readable"), "\(probe.stdout)")
        #expect(!probe.stdout.contains("writable"), "\(probe.stdout)")
        #expect(harness.runtime(["delete", "--force", id]).status == 0)
    }

    @Test func mountsDoNotPropagateToTheHost() throws {
        defer { harness.cleanUp() }
        // Only tmpfs mounts with source "none" count: other suites mount and unmount in parallel.
        func containerStyleMounts() throws -> Int {
            try String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8).split(separator: "\n")
                .filter { $0.contains(" - tmpfs none ") }.count
        }
        let before = try containerStyleMounts()
        let bundle = try harness.makeBundle(args: ["sh", "-c", "mount -t tmpfs none /mnt; true"]) { spec in
            for keyPath in [\Capabilities.bounding, \.effective, \.permitted] {
                spec.process?.capabilities?[keyPath: keyPath]?.append("CAP_SYS_ADMIN")
            }
        }
        #expect(harness.run(bundle).status == 0)
        let after = try containerStyleMounts()
        #expect(before == after)
    }
}
