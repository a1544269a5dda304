import BerthAPI
import Foundation
import Testing

@testable import BerthDaemon

/// Inspect and ps documents encode as dockerd's Go structs do: every key,
/// nil as null, omitempty fields left out, defaults filled.
@Suite struct InspectEncodingTests {
    func object(_ value: some Encodable) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(JSONCoding.encode(value))) as? [String: Any])
    }

    @Test func hostConfigShowsUnsetListsAsNull() throws {
        var config = ContainerConfigDocument(imageID: "sha256:00", imageName: "busybox", args: ["sh"], env: [], workingDir: "/",
                                             hostname: "h", labels: [:])
        config.hostConfig = HostConfig()
        config.hostConfig?.Memory = 64 << 20
        config.hostConfig?.CapAdd = ["NET_ADMIN"]
        let host = try object(ContainerService.inspectHostConfig(config))
        #expect(host["CapDrop"] is NSNull && host["Binds"] is NSNull && host["SecurityOpt"] is NSNull)
        #expect(host["CapAdd"] as? [String] == ["NET_ADMIN"])
        #expect((host["LogConfig"] as? [String: Any])?["Type"] as? String == "json-file")
        #expect((host["RestartPolicy"] as? [String: Any])?["Name"] as? String == "no")
        #expect(host["NetworkMode"] as? String == "default" && host["ShmSize"] as? Int == 64 << 20)
        #expect(host["Memory"] as? Int == 64 << 20 && host["OomScoreAdj"] as? Int == 0 && host["Privileged"] as? Bool == false)
        #expect(host["Tmpfs"] == nil && host["Sysctls"] == nil)  // omitempty, as in moby
        #expect((host["MaskedPaths"] as? [String])?.isEmpty == false)
    }

    @Test func inspectDocumentHasEveryTopLevelKey() throws {
        let config = ContainerConfigDocument(imageID: "sha256:00", imageName: "busybox", args: ["sleep", "9"], env: ["A=1"],
                                             workingDir: "/", hostname: "abc", labels: ["k": "v"], user: "nobody")
        let document = ContainerInspect(
            id: "abc", created: "2026-01-01T00:00:00Z", path: "sleep", args: ["9"], state: ContainerInspectState(status: "created"),
            image: "sha256:00", name: "/n", logPath: "/l", hostConfig: ContainerService.inspectHostConfig(config),
            graphDriver: GraphDriverData(data: nil), mounts: [], config: ContainerService.inspectConfig(config))
        let json = try object(document)
        for key in ["Id", "Created", "Path", "Args", "State", "Image", "ResolvConfPath", "HostnamePath", "HostsPath", "LogPath",
                    "Name", "RestartCount", "Driver", "Platform", "MountLabel", "ProcessLabel", "AppArmorProfile", "ExecIDs",
                    "HostConfig", "GraphDriver", "Mounts", "Config", "NetworkSettings"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["SizeRw"] == nil)
        let state = try #require(json["State"] as? [String: Any])
        #expect(state["StartedAt"] as? String == "0001-01-01T00:00:00Z" && state["Running"] as? Bool == false)
        let shown = try #require(json["Config"] as? [String: Any])
        #expect(shown["User"] as? String == "nobody" && shown["WorkingDir"] as? String == "" && shown["Entrypoint"] is NSNull)
        #expect(shown["ExposedPorts"] == nil && shown["StopSignal"] == nil)
        let network = try #require(json["NetworkSettings"] as? [String: Any])
        #expect(network["Ports"] as? [String: Any] != nil && network["IPAddress"] as? String == "")
    }

    @Test func summaryLeavesSizesOutUnlessAsked() throws {
        var row = ContainerSummary(id: "a", name: "n", image: "i", imageID: "sha256:0", command: "c", created: 1, state: "running",
                                   status: "Up 1 second", labels: [:])
        #expect(try object(row)["SizeRw"] == nil)
        row.SizeRw = 5
        row.SizeRootFs = 10
        let json = try object(row)
        #expect(json["SizeRw"] as? Int == 5 && json["Names"] as? [String] == ["/n"])
        #expect((json["HostConfig"] as? [String: Any])?["NetworkMode"] as? String == "default")
    }
}
