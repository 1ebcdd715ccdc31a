import { handleAdminRequest } from "@/server/admin-api/admin-api-instance";

export { handleAdminRequest as GET, handleAdminRequest as POST, handleAdminRequest as PATCH, handleAdminRequest as PUT };
export const dynamic = "force-dynamic";
