import { modelIdFromPath } from "@/server/gateway/gateway-routes";
import { handleModel } from "@/server/gateway/handle-models";
import { routeHandler, unserved } from "@/server/gateway/web-exchange";
export { unserved as POST, unserved as PUT, unserved as PATCH, unserved as DELETE } from "@/server/gateway/web-exchange";

// The id is read from the path the way the lean gateway reads it (ids such as policy/default
// arrive as one encoded segment).
export async function GET(request: Request): Promise<Response> {
  const id = modelIdFromPath(new URL(request.url).pathname);
  return id === null ? unserved(request) : routeHandler((gatewayRequest) => handleModel(gatewayRequest, id))(request);
}

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
