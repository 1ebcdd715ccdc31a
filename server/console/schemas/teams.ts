import { z } from "zod";
import { idSchema, nameSchema } from "./common";

export const createTeamSchema = z.object({ name: nameSchema });
export const renameTeamSchema = z.object({ id: idSchema, name: nameSchema });
