export { handleFeedback as POST } from "@/server/gateway/handle-feedback";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
