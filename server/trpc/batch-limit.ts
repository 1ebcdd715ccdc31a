// How many procedure calls one console API request may carry. tRPC runs a batch's calls
// concurrently and sets no limit of its own, so without one a single request (its procedure
// names in the URL) could start about a thousand writes or reports at once. The console's client
// splits its batches at the same number. No imports: the client bundle reads it too.
export const CONSOLE_MAX_BATCH_CALLS = 16;
