export { handleChatCompletions as POST } from "@/server/gateway/endpoints";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
