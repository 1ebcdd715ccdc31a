import { handleRoutePreview } from "@/server/gateway/handle-route-preview";
import { routeHandler } from "@/server/gateway/web-exchange";
export { unserved as GET, unserved as PUT, unserved as PATCH, unserved as DELETE } from "@/server/gateway/web-exchange";

export const POST = routeHandler(handleRoutePreview);

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
