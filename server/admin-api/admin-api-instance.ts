// The process's admin API handler, on the process's database and the limiter's rate windows.
import { getDb } from "../db/client";
import { getRateWindowStore } from "../limits/limiter-instance";
import { createAdminApiHandler } from "./handle-admin-request";

let handler: ((req: Request) => Promise<Response>) | undefined;

export function handleAdminRequest(req: Request): Promise<Response> {
  handler ??= createAdminApiHandler({ db: getDb(), rateWindows: getRateWindowStore() });
  return handler(req);
}
