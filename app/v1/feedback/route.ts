import { handleFeedback } from "@/server/gateway/handle-feedback";
import { routeHandler } from "@/server/gateway/web-exchange";
export { unserved as GET, unserved as PUT, unserved as PATCH, unserved as DELETE } from "@/server/gateway/web-exchange";

export const POST = routeHandler(handleFeedback);

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
