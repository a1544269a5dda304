import BerthAPI
import Testing

@testable import BerthDaemon

/// Bad HostConfig values are refused at create with dockerd's words (400).
@Suite struct HostConfigValidationTests {
    static func refusal(_ configure: (inout HostConfig) -> Void, volumes: [String: EmptyObject]? = nil) -> String? {
        var host = HostConfig()
        configure(&host)
        do {
            try ContainerService.validate(host, volumes: volumes)
            return nil
        } catch let error as APIError {
            return error.statusCode == 400 ? error.message : "status \(error.statusCode)"
        } catch {
            return "\(error)"
        }
    }

    @Test func acceptsGoodValues() {
        #expect(Self.refusal {
            $0.CapAdd = ["NET_ADMIN"]
            $0.CapDrop = ["ALL"]
            $0.Sysctls = ["net.core.somaxconn": "1024", "kernel.msgmax": "8192", "fs.mqueue.msg_max": "10"]
            $0.Ulimits = [Ulimit(name: "nofile", soft: 10, hard: 20)]
            $0.Tmpfs = ["/run": "rw,size=64m"]
            $0.Binds = ["/tmp:/tmp:ro", "data:/data"]
            $0.SecurityOpt = ["no-new-privileges:true", "seccomp=unconfined"]
            $0.OomScoreAdj = -1000
        } == nil)
    }

    @Test func refusesBadValues() {
        #expect(Self.refusal { $0.CapAdd = ["CAP_FOO"] } == "invalid CapAdd: unknown capability: \"CAP_FOO\"")
        #expect(Self.refusal { $0.CapDrop = ["nope"] } == "invalid CapDrop: unknown capability: \"CAP_NOPE\"")
        #expect(Self.refusal { $0.Sysctls = ["kernel.hostname": "x"] } == "sysctl 'kernel.hostname=x' is not allowed")
        #expect(Self.refusal { $0.Sysctls = ["vm.swappiness": "1"] } == "sysctl 'vm.swappiness=1' is not allowed")
        #expect(Self.refusal {
            $0.NetworkMode = "host"
            $0.Sysctls = ["net.ipv4.ip_forward": "1"]
        } == "sysctl 'net.ipv4.ip_forward' not allowed in host network mode")
        #expect(Self.refusal { $0.Ulimits = [Ulimit(name: "nofile", soft: 20, hard: 10)] }
            == "ulimit soft limit must be less than or equal to hard limit: 20 > 10")
        #expect(Self.refusal { $0.Ulimits = [Ulimit(name: "files", soft: 1, hard: 1)] } == "invalid ulimit type: files")
        #expect(Self.refusal { $0.OomScoreAdj = 1001 } == "Invalid value 1001, range for oom score adj is [-1000, 1000]")
        #expect(Self.refusal { $0.ShmSize = -1 } == "SHM size can not be less than 0")
        #expect(Self.refusal { $0.Tmpfs = ["run": ""] } == "invalid mount path: 'run' mount path must be absolute")
        #expect(Self.refusal { $0.Tmpfs = ["/run": "size=1m,bogus"] } == "invalid tmpfs option [\"bogus\"]")
        #expect(Self.refusal { $0.Binds = ["/tmp:rel"] }
            == "invalid volume specification: '/tmp:rel': invalid mount config for type \"bind\": invalid mount path: 'rel' mount path must be absolute")
        #expect(Self.refusal { $0.SecurityOpt = ["foo"] } == "invalid --security-opt 1: \"foo\"")
        #expect(Self.refusal { $0.SecurityOpt = ["no-new-privileges=maybe"] } == "invalid --security-opt 2: \"no-new-privileges=maybe\"")
        #expect(Self.refusal { $0.Mounts = [ContainerMount(type: "bind", source: "/nonexistent-berth", target: "/x")] }
            == "invalid mount config for type \"bind\": bind source path does not exist: /nonexistent-berth")
        #expect(Self.refusal({ _ in }, volumes: ["a:/data": EmptyObject()]) == "invalid mount path: 'a:/data' mount path must be absolute")
    }
}
