// Any other /v1 path: a JSON 404 in the caller's error format rather than the console's page.
export { unserved as GET, unserved as POST, unserved as PUT, unserved as PATCH, unserved as DELETE } from "@/server/gateway/web-exchange";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
