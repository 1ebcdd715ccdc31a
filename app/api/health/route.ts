export { handleHealth as GET } from "@/server/health/get-health";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
