export { handleModels as GET } from "@/server/gateway/handle-models";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
