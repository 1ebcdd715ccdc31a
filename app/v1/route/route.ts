export { handleRoutePreview as POST } from "@/server/gateway/handle-route-preview";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
