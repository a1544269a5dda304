/// `GET /system/df`'s answer (`docker system df`, `-v`): the layers' total
/// size, images with how many containers use them, containers with their
/// writable-layer sizes; volumes and build cache are empty lists (the CLI
/// computes the summary table itself).
public struct SystemDataUsage: Codable, Sendable, Equatable {
    public var LayersSize: Int64
    public var Images: [Image]
    public var Containers: [Container]
    public var Volumes: [String]
    public var BuildCache: [String]

    /// The usage report.
    public init(layersSize: Int64, images: [Image], containers: [Container]) {
        LayersSize = layersSize
        Images = images
        Containers = containers
        Volumes = []
        BuildCache = []
    }

    /// One image, as `images/json` lists it plus real `Containers` and `SharedSize`.
    public struct Image: Codable, Sendable, Equatable {
        public var Id: String
        public var ParentId: String
        public var RepoTags: [String]
        public var RepoDigests: [String]
        public var Created: Int64
        public var Size: Int64
        public var SharedSize: Int64
        public var VirtualSize: Int64
        public var Labels: [String: String]
        public var Containers: Int64

        /// An image row.
        public init(id: String, repoTags: [String], created: Int64, size: Int64, sharedSize: Int64, containers: Int64, labels: [String: String]) {
            Id = id
            ParentId = ""
            RepoTags = repoTags
            RepoDigests = []
            Created = created
            Size = size
            SharedSize = sharedSize
            VirtualSize = size
            Labels = labels
            Containers = containers
        }
    }

    /// One container, as `containers/json?size=1` lists it.
    public struct Container: Codable, Sendable, Equatable {
        public var Id: String
        public var Names: [String]
        public var Image: String
        public var ImageID: String
        public var Command: String
        public var Created: Int64
        public var State: String
        public var Status: String
        public var SizeRw: Int64
        public var SizeRootFs: Int64
        public var Labels: [String: String]
        public var Mounts: [String]

        /// A container row.
        public init(
            id: String, name: String, image: String, imageID: String, command: String, created: Int64,
            state: String, status: String, sizeRw: Int64, sizeRootFs: Int64, labels: [String: String]
        ) {
            Id = id
            Names = ["/" + name]
            Image = image
            ImageID = imageID
            Command = command
            Created = created
            State = state
            Status = status
            SizeRw = sizeRw
            SizeRootFs = sizeRootFs
            Labels = labels
            Mounts = []
        }
    }
}
