// `npm run db:seed`: seeds the database named by DATABASE_URL (migrate it first).
import { env, requireDatabaseUrl } from "../server/env";
import { createPrismaClient } from "../server/db/client";
import { seed } from "../server/demo/seed";
import { DEMO_LOGIN } from "../server/demo/seed-demo";

async function main() {
  const db = createPrismaClient(requireDatabaseUrl());
  try {
    const result = await seed(db, { days: env.SWITCHYARD_DEMO_DAYS, requestsPerDay: env.SWITCHYARD_DEMO_REQUESTS_PER_DAY });
    if (!result.created) {
      console.log("Demo tenant already present; nothing seeded.");
      return;
    }
    console.log(`Seeded demo tenant with ${result.requests} requests of history.`);
    console.log(`Login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
    console.log(`API key: ${result.apiKey}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
