// Prisma CLI configuration. Migrations run through the pg driver adapter so that no native
// engine has to be downloaded; the three patches below work around defects of that path in
// @prisma/adapter-pg 6.19.
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// 1. Catalog columns of type `name` (19) and `"char"` (18) cannot be deserialised by the
//    adapter; report them as text (25), which they are on the wire.
const TEXT_OID = 25;
// addFields is internal to pg, hence the local type.
type FieldDescription = { dataTypeID: number };
const resultPrototype = pg.Result.prototype as unknown as { addFields(fields: FieldDescription[]): void };
const addFields = resultPrototype.addFields;
resultPrototype.addFields = function patchedAddFields(fieldDescriptions) {
  for (const field of fieldDescriptions) {
    if (field.dataTypeID === 19 || field.dataTypeID === 18) field.dataTypeID = TEXT_OID;
  }
  return addFields.call(this, fieldDescriptions);
};

// 2. The adapter derives the shadow database by overriding `database`; a connectionString
//    would silently win, so pass discrete fields.
function fieldsFromUrl(url: string): pg.PoolConfig {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
  };
}

// 3. The adapter drops the shadow database before closing its pool; close first, then drop.
class PatchedPrismaPg extends PrismaPg {
  constructor(private readonly fields: pg.PoolConfig) {
    super(fields);
  }

  async connectToShadowDb() {
    const admin = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...this.fields, database }).connect();
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow();
      await admin.executeScript(`DROP DATABASE "${database}"`);
      await admin.dispose();
    };
    return shadow;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PatchedPrismaPg(fieldsFromUrl(process.env.DATABASE_URL ?? "")),
});
