import { describe, expect, it } from "vitest";
import { CANNOT_FOLLOW_SCHEMA } from "./select-model";
import { SELECTION_NOW as NOW, model, sel } from "../testing/selection-fixtures";
import { route } from "./route";
import { DEFAULT_CATALOG, DEFAULT_POLICY } from "./defaults";
import type { CatalogModel } from "./types";

const select = (catalog: CatalogModel[], needsStructuredOutput: boolean | undefined) => sel(catalog, { needsStructuredOutput });

describe("structured-output constraint", () => {
  const catalog = [model("cheap-no-schema", { inputPricePerMTok: 0.1, structuredOutputs: false }), model("capable"), model("unflagged", { inputPricePerMTok: 3 })];

  it.each([
    { needs: undefined, chosen: "cheap-no-schema", plan: ["capable", "unflagged"] },
    { needs: false, chosen: "cheap-no-schema", plan: ["capable", "unflagged"] },
    { needs: true, chosen: "capable", plan: ["unflagged"] },
  ])("needsStructuredOutput=$needs chooses $chosen", ({ needs, chosen, plan }) => {
    const s = select(catalog, needs);
    expect(s.model?.id).toBe(chosen);
    expect(s.fallbacks.map((m) => m.id)).toEqual(plan);
  });

  it("skips an incapable model with the reason, and names it when no model is left", () => {
    const s = select(catalog, true);
    expect(s.candidates.find((c) => c.modelId === "cheap-no-schema")).toMatchObject({ status: "skipped", reason: CANNOT_FOLLOW_SCHEMA });
    const none = select([catalog[0]!], true);
    expect(none.model).toBeNull();
    expect(none.error?.code).toBe("no_model_available");
    expect(none.error?.message).toContain(CANNOT_FOLLOW_SCHEMA);
  });

  it("leaves the built-in GLM-5 out of a routed request that asks for a schema", () => {
    const request = { messages: [{ role: "user" as const, content: "Refactor this TypeScript function to use async/await" }] };
    const plain = route({ request, catalog: DEFAULT_CATALOG, policy: DEFAULT_POLICY, unhealthy: {}, now: NOW });
    const structured = route({ request: { ...request, needsStructuredOutput: true }, catalog: DEFAULT_CATALOG, policy: DEFAULT_POLICY, unhealthy: {}, now: NOW });
    expect(plain.candidates.find((c) => c.modelId === "glm-5")?.reason).not.toBe(CANNOT_FOLLOW_SCHEMA);
    expect(structured.candidates.find((c) => c.modelId === "glm-5")).toMatchObject({ status: "skipped", reason: CANNOT_FOLLOW_SCHEMA });
    expect([structured.model, ...structured.fallbacks].map((m) => m?.id)).not.toContain("glm-5");
  });
});
