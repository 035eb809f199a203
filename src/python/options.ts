// What a Python host is made with: workers, the per-call timeout, memory and the snapshot.
export interface PythonHostOptions {
  /** Worker threads: min(cores, this). */
  workers: number
  /** Per-call timeout; the interrupt comes first, a worker replacement after a grace period. */
  timeoutMs: number
  /** wasm memory cap per worker. */
  memoryMiB: number
  /** Folder for the Pyodide memory snapshot; defaults to the user cache folder. */
  cacheDir?: string
  /** Boot from the memory snapshot (default true); false measures a plain start. */
  snapshot?: boolean
}
