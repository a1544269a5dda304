import Glibc

/// A fixed set of pthreads compressing DeflateBlocks for one ParallelGzipSink.
///
/// Locking: `mutex` guards `queue`, `results` and `stopping`; every read or write of them,
/// by the owner or a worker, happens with it held. `workReady` is signalled when a block is
/// queued and broadcast when stopping; `resultReady` is broadcast when a result is stored.
/// Blocks and results are Sendable values; each worker owns its own BlockDeflater, so zlib
/// state never crosses threads. `threads` is touched only by the owner (init and `shutdown()`).
/// Each worker holds a strong reference to the pool until it exits, so the owner must call
/// `shutdown()` (ParallelGzipSink does, in `finish()` and in its deinit).
final class DeflateWorkerPool: @unchecked Sendable {
    let level: Int32
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let workReady = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let resultReady = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var queue: [DeflateBlock] = []
    private var results: [Int: Result<DeflatedBlock, CompressionError>] = [:]
    private var stopping = false
    private var threads: [pthread_t] = []
    /// Used on the owner's thread when no worker thread could be started.
    private var inlineDeflater: BlockDeflater?

    /// Starts `count` worker threads compressing at `level`.
    init(count: Int, level: Int32) {
        self.level = level
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(workReady, nil)
        pthread_cond_init(resultReady, nil)
        for _ in 0..<max(count, 1) {
            let context = Unmanaged.passRetained(self)
            var thread = pthread_t()
            let status = pthread_create(&thread, nil, { raw in
                guard let raw else { return nil }
                Unmanaged<DeflateWorkerPool>.fromOpaque(raw).takeRetainedValue().work()
                return nil
            }, context.toOpaque())
            if status == 0 {
                threads.append(thread)
            } else {
                context.release()
            }
        }
        if threads.isEmpty { inlineDeflater = BlockDeflater(level: level) }
    }

    deinit {
        pthread_cond_destroy(resultReady)
        pthread_cond_destroy(workReady)
        pthread_mutex_destroy(mutex)
        resultReady.deallocate()
        workReady.deallocate()
        mutex.deallocate()
    }

    /// Number of worker threads actually running (0 means blocks are compressed inline).
    var threadCount: Int { threads.count }

    /// Queues `block` for the next free worker.
    func submit(_ block: DeflateBlock) {
        if let inlineDeflater {
            let result = inlineDeflater.compress(block)
            locked { results[block.index] = result }
            return
        }
        locked {
            queue.append(block)
            pthread_cond_signal(workReady)
        }
    }

    /// The result for block `index`, waiting for a worker to finish it.
    func take(_ index: Int) -> Result<DeflatedBlock, CompressionError> {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            if let result = results.removeValue(forKey: index) { return result }
            pthread_cond_wait(resultReady, mutex)
        }
    }

    /// The result for block `index` if it is ready, without waiting.
    func poll(_ index: Int) -> Result<DeflatedBlock, CompressionError>? {
        locked { results.removeValue(forKey: index) }
    }

    /// Drops queued blocks, stops and joins every worker; idempotent.
    func shutdown() {
        locked {
            stopping = true
            queue.removeAll()
            pthread_cond_broadcast(workReady)
        }
        for thread in threads { pthread_join(thread, nil) }
        threads.removeAll()
    }

    /// A worker's life: take a block, compress it unlocked, store the result; exit when stopping.
    private func work() {
        let deflater = BlockDeflater(level: level)
        while true {
            pthread_mutex_lock(mutex)
            while queue.isEmpty, !stopping { pthread_cond_wait(workReady, mutex) }
            if stopping {
                pthread_mutex_unlock(mutex)
                return
            }
            let block = queue.removeFirst()
            pthread_mutex_unlock(mutex)
            let result = deflater.compress(block)
            locked {
                results[block.index] = result
                pthread_cond_broadcast(resultReady)
            }
        }
    }

    /// Runs `body` with `mutex` held.
    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}
