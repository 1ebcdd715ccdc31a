/**
 * Batch routing without a database, using the default catalog and policy:
 *   npm run -s route -- FILE.jsonl     (or JSON lines on stdin)
 * Each input line: {"id"?, "prompt"} or {"id"?, "messages": [{role, content}], "system"?, "max_tokens"?, "category"?}
 * Each output line: {id, category, confidence, difficulty, model, fallbacks, estimatedCostUsd,
 * baselineCostUsd, explanation} (explanation = the one-line summary), or {id?, line, error}.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { DEFAULT_CATALOG, DEFAULT_POLICY, route, type RouteRequest } from "../server/routing";

type Role = RouteRequest["messages"][number]["role"];
const ROLES = new Set(["system", "user", "assistant", "tool"]);

function contentText(c: unknown): string {
  if (typeof c === "string") return c;
  if (Array.isArray(c)) return c.map((p) => (typeof p === "string" ? p : typeof p?.text === "string" ? p.text : "")).join("\n");
  return "";
}

function toRequest(obj: Record<string, unknown>): RouteRequest {
  const maxTokens = typeof obj.max_tokens === "number" ? obj.max_tokens : undefined;
  const forced = typeof obj.category === "string" ? obj.category : undefined;
  if (typeof obj.prompt === "string") return { messages: [{ role: "user", content: obj.prompt }], maxOutputTokens: maxTokens, forcedCategory: forced };
  if (Array.isArray(obj.messages)) {
    const messages = obj.messages.map((m: { role?: unknown; content?: unknown }, i: number) => {
      if (typeof m !== "object" || m === null || !ROLES.has(String(m.role))) throw new Error(`messages[${i}] needs a role of system|user|assistant|tool`);
      return { role: m.role as Role, content: contentText(m.content) };
    });
    return { messages, system: typeof obj.system === "string" ? obj.system : undefined, maxOutputTokens: maxTokens, forcedCategory: forced };
  }
  throw new Error('expected a "prompt" string or a "messages" array');
}

async function main(): Promise<void> {
  const file = process.argv[2];
  const input = file && file !== "-" ? createReadStream(file, "utf8") : process.stdin;
  const rl = createInterface({ input, crlfDelay: Infinity });
  const now = new Date();
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === "") continue;
    let id: unknown = undefined;
    try {
      const obj = JSON.parse(line) as Record<string, unknown>;
      if (typeof obj !== "object" || obj === null || Array.isArray(obj)) throw new Error("expected a JSON object");
      id = obj.id;
      const d = route({ request: toRequest(obj), catalog: DEFAULT_CATALOG, policy: DEFAULT_POLICY, unhealthy: {}, now });
      process.stdout.write(
        `${JSON.stringify({
          id: id ?? null,
          category: d.category,
          confidence: d.confidence,
          difficulty: d.difficulty,
          model: d.model?.id ?? null,
          fallbacks: d.fallbacks.map((m) => m.id),
          estimatedCostUsd: d.estimate.costUsd,
          baselineCostUsd: d.estimate.baselineCostUsd,
          explanation: d.summary,
          ...(d.degraded ? { degraded: true } : {}),
          ...(d.error ? { error: d.error } : {}),
        })}\n`,
      );
    } catch (e) {
      process.stdout.write(`${JSON.stringify({ id: id ?? null, line: lineNo, error: (e as Error).message })}\n`);
    }
  }
}

void main();
