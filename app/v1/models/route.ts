import { handleModels } from "@/server/gateway/handle-models";
import { routeHandler } from "@/server/gateway/web-exchange";
export { unserved as POST, unserved as PUT, unserved as PATCH, unserved as DELETE } from "@/server/gateway/web-exchange";

export const GET = routeHandler(handleModels);

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
