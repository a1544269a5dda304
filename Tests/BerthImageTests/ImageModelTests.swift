@testable import BerthImage
import Foundation
import Testing

/// Guards the image formats: Docker's config JSON and manifests decode with
/// their real field names, and chain IDs follow Docker's definition.
@Suite struct ImageModelTests {
    @Test func dockerConfigDecodes() throws {
        let json = """
            {"architecture":"amd64","config":{"Hostname":"","Env":["PATH=/bin"],"Cmd":["sh"],"WorkingDir":"/srv",
            "ExposedPorts":{"80/tcp":{}},"Volumes":{"/data":{}},"Labels":{"a":"b"},"User":"www-data","StopSignal":"SIGQUIT"},
            "created":"2026-11-29T21:37:33.004050807Z","docker_version":"20.10.24+dfsg1",
            "history":[{"created":"2026-11-29T21:37:33Z","created_by":"/bin/sh -c #(nop) CMD [\\"sh\\"]","empty_layer":true}],
            "os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:\(String(repeating: "a", count: 64))"]}}
            """
        let config = try JSONDecoder().decode(ImageConfig.self, from: Data(json.utf8))
        #expect(config.config?.cmd == ["sh"])
        #expect(config.config?.exposedPorts?.keys.sorted() == ["80/tcp"])
        #expect(config.config?.volumes?.keys.sorted() == ["/data"])
        #expect(config.config?.user == "www-data")
        #expect(config.dockerVersion == "20.10.24+dfsg1")
        #expect(config.history?.first?.emptyLayer == true)
        #expect(config.rootfs.diffIDs.count == 1)
        let again = try JSONDecoder().decode(ImageConfig.self, from: JSONEncoder().encode(config))
        #expect(again == config)
    }

    @Test func manifestAndArchiveManifestDecode() throws {
        let digest = "sha256:" + String(repeating: "b", count: 64)
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data("""
            {"schemaVersion":2,"mediaType":"\(MediaType.dockerManifest)",
             "config":{"mediaType":"\(MediaType.dockerConfig)","size":1469,"digest":"\(digest)"},
             "layers":[{"mediaType":"\(MediaType.dockerLayer)","size":2,"digest":"\(digest)"}]}
            """.utf8))
        #expect(manifest.layers.first?.size == 2)
        let entries = try JSONDecoder().decode([ArchiveManifestEntry].self, from: Data("""
            [{"Config":"blobs/sha256/\(String(repeating: "b", count: 64))","RepoTags":["busybox:latest"],"Layers":["x/layer.tar"]}]
            """.utf8))
        #expect(entries.first?.repoTags == ["busybox:latest"])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Descriptor.self, from: Data(#"{"mediaType":"x","size":1,"digest":"sha256:zz"}"#.utf8))
        }
    }

    @Test func chainIDsFollowDocker() throws {
        let ids = ["a", "b", "c"].compactMap { Digest("sha256:" + String(repeating: $0, count: 64)) }
        let chain = RootFS(diffIDs: ids).chainIDs.map(\.description)
        #expect(chain == [
            ids[0].description,
            "sha256:ccd722928bd92476ba1745586fed6e45a102504185ad88cd89e01ff116fd146c",
            "sha256:c1377126441fb2f5ec2c21ae2a60255331d639e830f0ee1b40a36e52d4c40588",
        ])
    }
}
