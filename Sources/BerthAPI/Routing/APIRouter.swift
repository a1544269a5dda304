/// A group of routes for one API resource (system, containers, images, …), built over
/// that resource's backend protocol — moby's `router.Router` seam.
public protocol APIRouter: Sendable {
    /// The routes this group serves.
    var routes: [Route] { get }
}
