import { describe, expect, it } from "vitest";
import { clientTimeoutOptions } from "./client-timeouts";

describe("clientTimeoutOptions", () => {
  it("gives the headers 15 s of the request's deadline and checks every second", () => {
    expect(clientTimeoutOptions(60_000)).toEqual({ requestTimeout: 60_000, headersTimeout: 15_000, keepAliveTimeout: 65_000, connectionsCheckingInterval: 1_000 });
  });

  it("keeps the headers' deadline within a short request deadline, and checks often enough to enforce it", () => {
    // Node refuses a headers timeout longer than the request timeout.
    expect(clientTimeoutOptions(1_500)).toEqual({ requestTimeout: 1_500, headersTimeout: 1_500, keepAliveTimeout: 65_000, connectionsCheckingInterval: 750 });
  });
});
