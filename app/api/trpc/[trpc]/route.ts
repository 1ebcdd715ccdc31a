import { handleTrpcRequest } from "@/server/trpc/handle-trpc-request";

export { handleTrpcRequest as GET, handleTrpcRequest as POST };
export const dynamic = "force-dynamic";
