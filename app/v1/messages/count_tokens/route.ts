import { handleCountTokens } from "@/server/gateway/handle-count-tokens";
import { routeHandler } from "@/server/gateway/web-exchange";
export { unserved as GET, unserved as PUT, unserved as PATCH, unserved as DELETE } from "@/server/gateway/web-exchange";

export const POST = routeHandler(handleCountTokens);

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
