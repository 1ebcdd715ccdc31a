// GET /api/logs/export?<the Logs page's filters>: the filtered request logs as a CSV download,
// for any member of the tenant (viewers included, as for the page itself).
import { createFetchContext } from "../../trpc/context";
import { memberActor } from "../actor";
import { logFiltersFromSearch } from "../schemas/log-filters-url";
import { logFiltersSchema } from "../schemas/logs";
import { csvDownloadHeaders } from "./csv";
import { exportLogsCsv } from "./export-logs-csv";

const text = (status: number, message: string) => new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function handleLogsExport(req: Request): Promise<Response> {
  const ctx = await createFetchContext({ req, resHeaders: new Headers() });
  if (!ctx.userId) return text(401, "Sign in first");
  const membership = await ctx.membership();
  if (!membership) return text(403, "You do not belong to any organisation");
  const filters = logFiltersSchema.safeParse(logFiltersFromSearch(new URL(req.url).searchParams));
  if (!filters.success) return text(400, `Invalid filter: ${filters.error.issues[0]?.message ?? "unreadable"}`);
  const lines = exportLogsCsv(memberActor(ctx.db, ctx.userId, membership), filters.data);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        console.error("[logs] export failed:", error);
        controller.error(error);
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, { headers: csvDownloadHeaders("request-logs") });
}
