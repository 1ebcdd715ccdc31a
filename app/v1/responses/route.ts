import { handleResponses } from "@/server/gateway/endpoints";
import { routeHandler } from "@/server/gateway/web-exchange";
export { unserved as GET, unserved as PUT, unserved as PATCH, unserved as DELETE } from "@/server/gateway/web-exchange";

export const POST = routeHandler(handleResponses);

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
