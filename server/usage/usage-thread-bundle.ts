/** The file name of the usage writer thread's bundle, beside the bundled entry points (scripts/build-gateway.ts). */
export const USAGE_THREAD_BUNDLE = "usage-writer-thread.mjs";
