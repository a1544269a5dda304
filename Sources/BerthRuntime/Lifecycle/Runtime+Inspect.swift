import Glibc
import LinuxSys
import OCI

extension Runtime {
    /// `state`: the OCI state of one container.
    public func state(id: String) throws(RuntimeError) -> ContainerState {
        ociState(try store.load(id))
    }

    /// `list`: the state of every container under the root.
    public func list() -> [ContainerState] {
        store.ids().compactMap { id in try? store.load(id) }.map(ociState)
    }
}
