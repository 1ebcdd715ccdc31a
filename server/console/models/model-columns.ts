import type { Prisma } from "../../db/generated/client";
import type { ModelFields } from "../schemas/models";

export function modelColumns(fields: ModelFields) {
  return { ...fields, quality: fields.quality as Prisma.InputJsonValue };
}
