// The console API's HTTP handler, mounted by app/api/trpc/[trpc]/route.ts.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createFetchContext } from "./context";
import { appRouter } from "./root";

export function handleTrpcRequest(req: Request): Promise<Response> {
  return fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: createFetchContext });
}
