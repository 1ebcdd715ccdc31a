import { handleRoutePreview } from "@/server/gateway/handle-route-preview";
import { routeHandler } from "@/server/gateway/web-exchange";

export const POST = routeHandler(handleRoutePreview);

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
