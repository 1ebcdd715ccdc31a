// GET /api/audit/export?<the Audit page's filters>: the filtered audit trail as a CSV download,
// for the signed-in member's current organisation. It goes through the console API's own
// procedure, so sign-in and role checks are the same as on the page.
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { createFetchContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { auditFiltersFromSearch } from "@/server/console/audit/audit-filters-url";
import { csvDownloadHeaders } from "@/server/console/logs/csv";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  const caller = createCaller(await createFetchContext({ req, resHeaders: new Headers() }));
  try {
    const csv = await caller.audit.exportCsv(auditFiltersFromSearch(new URL(req.url).searchParams));
    return new Response(csv, { headers: csvDownloadHeaders("audit") });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return Response.json({ error: error.message }, { status: getHTTPStatusCodeFromError(error) });
  }
}
