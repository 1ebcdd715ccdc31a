import { handleLogsExport } from "@/server/console/logs/handle-logs-export";

export { handleLogsExport as GET };
export const dynamic = "force-dynamic";
