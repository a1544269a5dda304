import BerthAPI
import Testing

@testable import BerthDaemon

/// -v, --mount, --tmpfs and declared volumes parse with moby's rules and wording.
@Suite struct MountPlannerTests {
    static let volumes = "/var/lib/berth/volumes"

    func bind(_ raw: String) throws -> PlannedMount {
        try MountPlanner.parseBind(raw, containerID: "c1", volumesRoot: Self.volumes)
    }

    @Test func hostPathBinds() throws {
        let plain = try bind("/tmp/x/:/data")
        #expect(plain == PlannedMount(kind: .bind, source: "/tmp/x", destination: "/data", mode: "", readWrite: true,
                                      propagation: "rprivate", createsSource: true))
        let readOnly = try bind("/tmp/x:/data:ro,rslave")
        #expect(!readOnly.readWrite && readOnly.propagation == "rslave" && readOnly.mode == "ro,rslave")
    }

    @Test func namedAndAnonymousVolumes() throws {
        let named = try bind("cache:/var/cache")
        #expect(named.kind == .volume && named.volumeName == "cache" && named.mode == "z")
        #expect(named.source == Self.volumes + "/cache/_data")
        let anonymous = try bind("/scratch")
        #expect(anonymous.kind == .volume, "\(anonymous)")
        #expect(anonymous.volumeName?.count == 64, "\(anonymous)")
        #expect(anonymous.mode == "")
        // The same container and path always get the same anonymous volume; another container another.
        #expect(try bind("/scratch").volumeName == anonymous.volumeName)
        #expect(try MountPlanner.parseBind("/scratch", containerID: "c2", volumesRoot: Self.volumes).volumeName != anonymous.volumeName)
    }

    @Test(arguments: [
        ("", "invalid volume specification: ''"),
        ("/a:/b:/c:/d", "invalid volume specification: '/a:/b:/c:/d'"),
        ("/data:ro", "invalid volume specification: '/data:ro'"),
        ("/tmp:/data:xx", "invalid mode: xx"),
        ("/tmp:/data:ro,rw", "invalid mode: ro,rw"),
        ("/tmp:data", "invalid volume specification: '/tmp:data': invalid mount config for type \"bind\": invalid mount path: 'data' mount path must be absolute"),
        ("/tmp:/", "invalid volume specification: '/tmp:/': invalid mount config for type \"bind\": invalid specification: destination can't be '/'"),
        ("rel/path:/data", "create rel/path: \"rel/path\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path"),
        ("a:/data", "create a: volume name is too short, names should be at least two alphanumeric characters"),
    ])
    func badBinds(_ raw: String, _ message: String) {
        #expect(throws: MountPlanner.Failure(description: message)) { try bind(raw) }
    }

    @Test func mountObjects() throws {
        var tmpfs = ContainerMount(type: "tmpfs", target: "/cache", readOnly: true)
        tmpfs.TmpfsOptions = .init(sizeBytes: 64 << 20, mode: 0o1777)
        let planned = try MountPlanner.parseMount(tmpfs, containerID: "c", volumesRoot: Self.volumes)
        #expect(planned.kind == .tmpfs && planned.tmpfsOptions == "ro,mode=1777,size=64m" && planned.listed)
        var bind = ContainerMount(type: "bind", source: "/srv", target: "/srv")
        bind.BindOptions = .init(propagation: "rshared")
        #expect(try MountPlanner.parseMount(bind, containerID: "c", volumesRoot: Self.volumes).propagation == "rshared")
        #expect(throws: MountPlanner.Failure(description: "invalid mount config for type \"bind\": field Source must not be empty")) {
            try MountPlanner.parseMount(ContainerMount(type: "bind", target: "/x"), containerID: "c", volumesRoot: Self.volumes)
        }
        #expect(throws: MountPlanner.Failure(description: "invalid mount config for type \"nfs\": mount type unknown")) {
            try MountPlanner.parseMount(ContainerMount(type: "nfs", target: "/x"), containerID: "c", volumesRoot: Self.volumes)
        }
    }

    @Test func planCoversDeclaredVolumesAndRefusesDuplicates() throws {
        var host = HostConfig()
        host.Binds = ["/srv:/data"]
        host.Tmpfs = ["/run": "size=1m"]
        let mounts = try MountPlanner.plan(host, declaredVolumes: ["/data", "/logs"], containerID: "c", volumesRoot: Self.volumes)
        #expect(mounts.map(\.destination) == ["/data", "/run", "/logs"])
        #expect(mounts.map(\.kind) == [.bind, .tmpfs, .volume])
        host.Tmpfs = ["/data": ""]
        #expect(throws: MountPlanner.Failure(description: "Duplicate mount point: /data")) {
            try MountPlanner.plan(host, declaredVolumes: [], containerID: "c", volumesRoot: Self.volumes)
        }
    }

    @Test(arguments: [
        ("", ["noexec", "nosuid", "nodev", "rprivate"]),
        ("rw,size=64m", ["noexec", "nosuid", "nodev", "rprivate", "rw", "size=64m"]),
        ("exec,size=1m,size=2m,mode=1777", ["nosuid", "nodev", "rprivate", "exec", "size=2m", "mode=1777"]),
    ])
    func tmpfsOptionsMergeOntoDockersDefaults(_ options: String, _ merged: [String]) throws {
        #expect(try TmpfsOptions.merge(options) == merged)
    }

    @Test func unknownTmpfsOptionsAreRefused() {
        #expect(throws: MountPlanner.Failure(description: "invalid tmpfs option [\"bogus\"]")) { try TmpfsOptions.merge("bogus") }
    }
}
