import BerthAPI
import Foundation
import Testing

/// Wire details the docker CLI depends on: the filters parameter, Go file
/// modes in the cp stat header, and keys that must be present even when null.
@Suite struct ContainerOperationsModelTests {
    @Test func filtersInBothShapes() throws {
        #expect(try FilterArguments(json: #"{"label":{"owner=x":true,"a":true}}"#)["label"] == ["a", "owner=x"])
        #expect(try FilterArguments(json: #"{"dangling":["false"]}"#)["dangling"] == ["false"])
        #expect(try FilterArguments(json: nil).values.isEmpty)
        #expect(throws: APIError.self) { try FilterArguments(json: "not json") }
        #expect(throws: APIError.self) { try FilterArguments(["bogus": ["1"]]).validate(allowed: ["label"]) }
    }

    @Test(arguments: [
        (UInt32(0o040755), UInt32(2_147_484_141)),  // directory 0755, as dockerd sends it
        (UInt32(0o100644), UInt32(420)),
        (UInt32(0o120777), UInt32(1 << 27 | 0o777)),
        (UInt32(0o041777), UInt32(1 << 31 | 1 << 20 | 0o777)),  // sticky /tmp
    ])
    func goFileModes(posix: UInt32, go: UInt32) {
        #expect(ContainerPathStat.goFileMode(posix) == go)
    }

    @Test func statHeaderIsBase64JSON() throws {
        let stat = ContainerPathStat(name: "tmp", size: 4096, mode: 2_147_484_141, mtime: "2026-11-29T21:37:32Z", linkTarget: "")
        let decoded = try #require(Data(base64Encoded: try stat.headerValue()))
        #expect(try JSONDecoder().decode(ContainerPathStat.self, from: decoded) == stat)
    }

    @Test func nullsThatMustBeSent() throws {
        #expect(String(decoding: try JSONCoding.encode(ContainerUpdateResponse(warnings: nil)), as: UTF8.self) == #"{"Warnings":null}"#)
        #expect(String(decoding: try JSONCoding.encode(ContainerPruneResponse(containersDeleted: [], spaceReclaimed: 0)), as: UTF8.self)
            == #"{"ContainersDeleted":null,"SpaceReclaimed":0}"#)
    }
}
