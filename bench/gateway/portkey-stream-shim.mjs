// Preloaded into Portkey's gateway process by the benchmark (node --import). Portkey 1.15.2
// adds its x-portkey-* headers to an upstream event stream's fetch Response, whose headers are
// immutable; with the @hono/node-server that npm resolves for it (1.19) every streaming chat
// completion then fails with "TypeError: immutable" (Portkey-AI/gateway issues 1389 and 1550).
// This re-wraps event-stream responses in a Response with mutable headers, which is what
// Portkey's own fix (pull request 1551) does; JSON responses are passed through untouched.
const upstreamFetch = globalThis.fetch;
globalThis.fetch = async function fetchWithMutableStreamHeaders(input, init) {
  const response = await upstreamFetch(input, init);
  if (!response.headers.get("content-type")?.startsWith("text/event-stream")) return response;
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: new Headers(response.headers) });
};
