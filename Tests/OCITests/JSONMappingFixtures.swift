// Fixtures for JSONMappingTests: a fully populated Spec and literal config.json documents.

@testable import OCI

enum MappingFixtures {
    /// A Spec with every field of every runtime type set.
    static let fullSpec = Spec(
        ociVersion: "1.2.0",
        process: Process(
            terminal: true,
            consoleSize: ConsoleSize(height: 24, width: 80),
            user: User(uid: 1000, gid: 1001, umask: 0o022, additionalGids: [4, 24, UInt32.max], username: "app"),
            args: ["sh", "-c", "echo \"hi\"\n\ttab \\ é 🚀"],
            env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"],
            cwd: "/srv/app",
            capabilities: Capabilities(
                bounding: ["CAP_CHOWN", "CAP_KILL"],
                effective: ["CAP_CHOWN"],
                inheritable: [],
                permitted: ["CAP_CHOWN", "CAP_KILL"],
                ambient: ["CAP_NET_BIND_SERVICE"]
            ),
            rlimits: [
                Rlimit(type: "RLIMIT_NOFILE", hard: 1_048_576, soft: 1024),
                Rlimit(type: "RLIMIT_CORE", hard: UInt64.max, soft: 0),
            ],
            noNewPrivileges: true,
            apparmorProfile: "docker-default",
            oomScoreAdj: -999,
            selinuxLabel: "system_u:system_r:container_t:s0:c1,c2"
        ),
        root: Root(path: "rootfs", readonly: true),
        hostname: "web-1",
        domainname: "example.internal",
        mounts: [
            Mount(destination: "/proc", type: "proc", source: "proc", options: ["nosuid", "noexec", "nodev"]),
            Mount(destination: "/data", type: "bind", source: "/var/lib/data", options: ["rbind", "ro"]),
            Mount(destination: "/tmp"),
        ],
        hooks: Hooks(
            prestart: [Hook(path: "/usr/bin/net-setup", args: ["net-setup", "up"], env: ["A=1"], timeout: 5)],
            createRuntime: [Hook(path: "/bin/cr")],
            createContainer: [Hook(path: "/bin/cc", args: ["cc"]), Hook(path: "/bin/cc2", timeout: 0)],
            startContainer: [Hook(path: "/bin/sc", env: [])],
            poststart: [Hook(path: "/bin/ps", timeout: -1)],
            poststop: [Hook(path: "/bin/pst", args: ["pst", "--all"], env: ["X=y"], timeout: Int.max)]
        ),
        annotations: [
            "org.opencontainers.image.title": "web",
            "Zeta": "upper sorts first",
            "alpha": "",
            "é-key": "non-ASCII sorts last",
            "a\"quote": "q",
        ],
        linux: Linux(
            uidMappings: [IDMapping(containerID: 0, hostID: 100_000, size: 65536)],
            gidMappings: [IDMapping(containerID: 0, hostID: 100_000, size: 65536), IDMapping(containerID: UInt32.max, hostID: 1, size: 1)],
            sysctl: ["net.ipv4.ip_forward": "1", "kernel.shm_rmid_forced": "1", "net.core.somaxconn": "4096"],
            resources: Resources(
                devices: [
                    DeviceCgroupRule(allow: false, access: "rwm"),
                    DeviceCgroupRule(allow: true, type: "c", major: 1, minor: 5, access: "rwm"),
                    DeviceCgroupRule(allow: true, type: "b", major: -1, minor: -1, access: "m"),
                ],
                memory: MemoryResources(
                    limit: 536_870_912, reservation: 268_435_456, swap: -1, swappiness: 60, disableOOMKiller: false),
                cpu: CPUResources(shares: 1024, quota: -1, period: 100_000, cpus: "0-3", mems: "0"),
                pids: PidsResources(limit: Int64.min),
                unified: ["memory.high": "400000000", "cpu.weight": "100", "io.max": "8:0 rbps=1048576"]
            ),
            cgroupsPath: "system.slice:berth:abc123",
            namespaces: [
                Namespace(type: "pid"), Namespace(type: "network", path: "/var/run/netns/web"),
                Namespace(type: "ipc"), Namespace(type: "uts"), Namespace(type: "mount"),
                Namespace(type: "user"), Namespace(type: "cgroup"),
            ],
            devices: [
                Device(type: "c", path: "/dev/fuse", major: 10, minor: 229, fileMode: 0o666, uid: 0, gid: 0),
                Device(type: "b", path: "/dev/loop0", major: Int64.max, minor: Int64.min, fileMode: UInt32.max, uid: UInt32.max, gid: 1),
            ],
            seccomp: Seccomp(
                defaultAction: "SCMP_ACT_ERRNO",
                defaultErrnoRet: 1,
                architectures: ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],
                flags: ["SECCOMP_FILTER_FLAG_LOG"],
                syscalls: [
                    SeccompSyscall(names: ["read", "write", "exit_group"], action: "SCMP_ACT_ALLOW"),
                    SeccompSyscall(
                        names: ["personality"], action: "SCMP_ACT_ALLOW", errnoRet: 38,
                        args: [
                            SeccompArg(index: 0, value: 0, op: "SCMP_CMP_EQ"),
                            SeccompArg(index: 5, value: UInt64.max, valueTwo: 4_294_967_295, op: "SCMP_CMP_MASKED_EQ"),
                        ]
                    ),
                ]
            ),
            rootfsPropagation: "rslave",
            maskedPaths: ["/proc/kcore", "/proc/keys"],
            readonlyPaths: ["/proc/sys", "/proc/sysrq-trigger"],
            mountLabel: "system_u:object_r:container_file_t:s0:c1,c2"
        )
    )

    /// A Docker-generated config.json (docker run --rm -m 512m --pids-limit 100 -it alpine sh), trimmed
    /// seccomp; includes fields Berth's types do not model (blockIO, hugepageLimits, ...) which must be ignored.
    static let dockerConfig = #"""
    {
      "ociVersion": "1.0.2-dev",
      "process": {
        "terminal": true,
        "consoleSize": {"height": 50, "width": 200},
        "user": {"uid": 0, "gid": 0, "additionalGids": [0, 1, 2, 3, 4, 6, 10, 11, 20, 26, 27]},
        "args": ["sh"],
        "env": [
          "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
          "HOSTNAME=3f1c0a2b9d8e",
          "TERM=xterm"
        ],
        "cwd": "/",
        "capabilities": {
          "bounding": ["CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW",
                       "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
                       "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE"],
          "effective": ["CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW",
                        "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
                        "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE"],
          "permitted": ["CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW",
                        "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
                        "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE"]
        },
        "apparmorProfile": "docker-default",
        "oomScoreAdj": 0
      },
      "root": {"path": "/var/lib/docker/overlay2/5b7c1d0e/merged"},
      "hostname": "3f1c0a2b9d8e",
      "mounts": [
        {"destination": "/proc", "type": "proc", "source": "proc", "options": ["nosuid", "noexec", "nodev"]},
        {"destination": "/dev", "type": "tmpfs", "source": "tmpfs", "options": ["nosuid", "strictatime", "mode=755", "size=65536k"]},
        {"destination": "/dev/pts", "type": "devpts", "source": "devpts",
         "options": ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"]},
        {"destination": "/sys", "type": "sysfs", "source": "sysfs", "options": ["nosuid", "noexec", "nodev", "ro"]},
        {"destination": "/sys/fs/cgroup", "type": "cgroup", "source": "cgroup", "options": ["ro", "nosuid", "noexec", "nodev"]},
        {"destination": "/dev/mqueue", "type": "mqueue", "source": "mqueue", "options": ["nosuid", "noexec", "nodev"]},
        {"destination": "/dev/shm", "type": "tmpfs", "source": "shm", "options": ["nosuid", "noexec", "nodev", "mode=1777", "size=67108864"]},
        {"destination": "/etc/resolv.conf", "type": "bind",
         "source": "/var/lib/docker/containers/3f1c0a2b9d8e/resolv.conf", "options": ["rbind", "rprivate"]},
        {"destination": "/etc/hostname", "type": "bind",
         "source": "/var/lib/docker/containers/3f1c0a2b9d8e/hostname", "options": ["rbind", "rprivate"]},
        {"destination": "/etc/hosts", "type": "bind",
         "source": "/var/lib/docker/containers/3f1c0a2b9d8e/hosts", "options": ["rbind", "rprivate"]}
      ],
      "hooks": {
        "prestart": [
          {"path": "/proc/1234/exe", "args": ["libnetwork-setkey", "-exec-root=/var/run/docker", "3f1c0a2b9d8e", "a1b2c3d4e5f6"]}
        ],
        "createRuntime": [
          {"path": "/proc/1234/exe", "args": ["libnetwork-setkey", "-exec-root=/var/run/docker", "3f1c0a2b9d8e", "a1b2c3d4e5f6"]}
        ]
      },
      "linux": {
        "sysctl": {"net.ipv4.ip_unprivileged_port_start": "0", "net.ipv4.ping_group_range": "0 2147483647"},
        "resources": {
          "devices": [
            {"allow": false, "access": "rwm"},
            {"allow": true, "type": "c", "major": 1, "minor": 5, "access": "rwm"},
            {"allow": true, "type": "c", "major": 1, "minor": 3, "access": "rwm"},
            {"allow": true, "type": "c", "major": 136, "minor": -1, "access": "rwm"},
            {"allow": true, "type": "c", "major": 5, "minor": 2, "access": "rwm"},
            {"allow": false, "type": "c", "major": 10, "minor": 229, "access": "rwm"}
          ],
          "memory": {"limit": 536870912, "swap": 1073741824},
          "cpu": {"shares": 0},
          "pids": {"limit": 100},
          "blockIO": {"weight": 0},
          "hugepageLimits": []
        },
        "cgroupsPath": "system.slice:docker:3f1c0a2b9d8e",
        "namespaces": [
          {"type": "mount"}, {"type": "network"}, {"type": "uts"}, {"type": "pid"}, {"type": "ipc"}, {"type": "cgroup"}
        ],
        "seccomp": {
          "defaultAction": "SCMP_ACT_ERRNO",
          "defaultErrnoRet": 1,
          "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],
          "syscalls": [
            {"names": ["accept", "accept4", "access", "brk", "close", "execve", "exit_group", "read", "write"],
             "action": "SCMP_ACT_ALLOW"},
            {"names": ["personality"], "action": "SCMP_ACT_ALLOW",
             "args": [{"index": 0, "value": 0, "op": "SCMP_CMP_EQ"}]},
            {"names": ["personality"], "action": "SCMP_ACT_ALLOW",
             "args": [{"index": 0, "value": 4294967295, "op": "SCMP_CMP_EQ"}]},
            {"names": ["clone"], "action": "SCMP_ACT_ALLOW",
             "args": [{"index": 0, "value": 2114060288, "valueTwo": 0, "op": "SCMP_CMP_MASKED_EQ"}]},
            {"names": ["clone3"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38}
          ]
        },
        "maskedPaths": ["/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
                        "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware"],
        "readonlyPaths": ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"]
      }
    }
    """#

    /// `runc spec` output (rootful default), verbatim.
    static let runcSpecConfig = #"""
    {
    	"ociVersion": "1.0.2-dev",
    	"process": {
    		"terminal": true,
    		"user": {
    			"uid": 0,
    			"gid": 0
    		},
    		"args": [
    			"sh"
    		],
    		"env": [
    			"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    			"TERM=xterm"
    		],
    		"cwd": "/",
    		"capabilities": {
    			"bounding": [
    				"CAP_AUDIT_WRITE",
    				"CAP_KILL",
    				"CAP_NET_BIND_SERVICE"
    			],
    			"effective": [
    				"CAP_AUDIT_WRITE",
    				"CAP_KILL",
    				"CAP_NET_BIND_SERVICE"
    			],
    			"permitted": [
    				"CAP_AUDIT_WRITE",
    				"CAP_KILL",
    				"CAP_NET_BIND_SERVICE"
    			],
    			"ambient": [
    				"CAP_AUDIT_WRITE",
    				"CAP_KILL",
    				"CAP_NET_BIND_SERVICE"
    			]
    		},
    		"rlimits": [
    			{
    				"type": "RLIMIT_NOFILE",
    				"hard": 1024,
    				"soft": 1024
    			}
    		],
    		"noNewPrivileges": true
    	},
    	"root": {
    		"path": "rootfs",
    		"readonly": true
    	},
    	"hostname": "runc",
    	"mounts": [
    		{
    			"destination": "/proc",
    			"type": "proc",
    			"source": "proc"
    		},
    		{
    			"destination": "/dev",
    			"type": "tmpfs",
    			"source": "tmpfs",
    			"options": [
    				"nosuid",
    				"strictatime",
    				"mode=755",
    				"size=65536k"
    			]
    		},
    		{
    			"destination": "/dev/pts",
    			"type": "devpts",
    			"source": "devpts",
    			"options": [
    				"nosuid",
    				"noexec",
    				"newinstance",
    				"ptmxmode=0666",
    				"mode=0620",
    				"gid=5"
    			]
    		},
    		{
    			"destination": "/dev/shm",
    			"type": "tmpfs",
    			"source": "shm",
    			"options": [
    				"nosuid",
    				"noexec",
    				"nodev",
    				"mode=1777",
    				"size=65536k"
    			]
    		},
    		{
    			"destination": "/dev/mqueue",
    			"type": "mqueue",
    			"source": "mqueue",
    			"options": [
    				"nosuid",
    				"noexec",
    				"nodev"
    			]
    		},
    		{
    			"destination": "/sys",
    			"type": "sysfs",
    			"source": "sysfs",
    			"options": [
    				"nosuid",
    				"noexec",
    				"nodev",
    				"ro"
    			]
    		},
    		{
    			"destination": "/sys/fs/cgroup",
    			"type": "cgroup",
    			"source": "cgroup",
    			"options": [
    				"nosuid",
    				"noexec",
    				"nodev",
    				"relatime",
    				"ro"
    			]
    		}
    	],
    	"linux": {
    		"resources": {
    			"devices": [
    				{
    					"allow": false,
    					"access": "rwm"
    				}
    			]
    		},
    		"namespaces": [
    			{
    				"type": "pid"
    			},
    			{
    				"type": "network"
    			},
    			{
    				"type": "ipc"
    			},
    			{
    				"type": "uts"
    			},
    			{
    				"type": "mount"
    			},
    			{
    				"type": "cgroup"
    			}
    		],
    		"maskedPaths": [
    			"/proc/acpi",
    			"/proc/asound",
    			"/proc/kcore",
    			"/proc/keys",
    			"/proc/latency_stats",
    			"/proc/timer_list",
    			"/proc/timer_stats",
    			"/proc/sched_debug",
    			"/sys/firmware",
    			"/proc/scsi"
    		],
    		"readonlyPaths": [
    			"/proc/bus",
    			"/proc/fs",
    			"/proc/irq",
    			"/proc/sys",
    			"/proc/sysrq-trigger"
    		]
    	}
    }
    """#

    /// Rootless `runc spec --rootless` style: user namespace with id mappings, no network namespace.
    static let rootlessConfig = #"""
    {"ociVersion":"1.1.0","process":{"user":{"uid":0,"gid":0},"args":["/bin/true"],"cwd":"/"},
     "root":{"path":"rootfs","readonly":false},
     "linux":{"uidMappings":[{"containerID":0,"hostID":1000,"size":1}],
              "gidMappings":[{"containerID":0,"hostID":1000,"size":1}],
              "namespaces":[{"type":"pid"},{"type":"ipc"},{"type":"uts"},{"type":"mount"},{"type":"user"}],
              "rootfsPropagation":"private","mountLabel":""}}
    """#

    /// Explicit nulls for optionals, unknown keys at every level, duplicate keys (last wins) and `-0`.
    static let edgeCaseConfig = #"""
    {"ociVersion":"0.9","ociVersion":"1.0.0","unknown":{"deep":[1,{"x":null}]},
     "process":{"terminal":null,"user":{"uid":-0,"gid":7,"umask":null,"extra":true},"cwd":"/","args":null,
                "oomScoreAdj":-1000,"rlimits":[]},
     "root":null,"hostname":"","mounts":[],"hooks":{},"annotations":{"k":"1","k":"2","":"empty key"},
     "linux":{"resources":{"memory":{"limit":-1,"swap":null},"pids":{"limit":0},"unified":{}},
              "sysctl":null,"seccomp":{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[]}}}
    """#

    /// Just the required key.
    static let minimalConfig = #"{"ociVersion":"1.0.2"}"#
}
