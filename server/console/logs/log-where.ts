// The request-log query for a set of filters, shared by the list, its total and the CSV export.
import type { Prisma } from "../../db/generated/client";
import type { TenantActor } from "../actor";
import type { LogFilters } from "../schemas/logs";
import { searchConditions, searchWindow } from "./search-logs";

export async function logWhere(actor: TenantActor, filters: LogFilters, now = new Date()): Promise<Prisma.RequestLogWhereInput> {
  const where: Prisma.RequestLogWhereInput = {};
  if (filters.from || filters.to) where.createdAt = { ...(filters.from && { gte: filters.from }), ...(filters.to && { lt: filters.to }) };
  if (filters.apiKeyId) where.apiKeyId = filters.apiKeyId;
  if (filters.teamId) where.teamId = filters.teamId;
  if (filters.policyId) where.policyId = filters.policyId;
  if (filters.category) where.category = filters.category;
  if (filters.model) where.chosenModel = filters.model;
  if (filters.status === "success") where.status = { lt: 400 };
  if (filters.status === "error") where.status = { gte: 400 };
  if (filters.cache !== "any") where.cacheHit = filters.cache === "hit";
  if (filters.search) where.AND = [await searchConditions(actor, filters.search, searchWindow(filters, now))];
  return where;
}
