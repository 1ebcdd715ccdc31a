import { describe, expect, it } from "vitest";
import { loadEmbeddedPostgres } from "./embedded-postgres";

const counts = () => Object.fromEntries(["SIGINT", "SIGTERM", "SIGHUP", "exit"].map((event) => [event, process.listenerCount(event)]));

describe("loadEmbeddedPostgres", () => {
  it("leaves Ctrl-C and termination to the caller, who stops the database after the app, and keeps the package's stop on exit", async () => {
    const before = counts();
    await loadEmbeddedPostgres();
    const after = counts();
    expect({ SIGINT: after.SIGINT, SIGTERM: after.SIGTERM, SIGHUP: after.SIGHUP }).toEqual({ SIGINT: before.SIGINT, SIGTERM: before.SIGTERM, SIGHUP: before.SIGHUP });
    // The package's hook still stops its servers when the process exits (a crash of the caller).
    expect(after.exit).toBeGreaterThan(before.exit!);
  });
});
