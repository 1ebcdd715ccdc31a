// Demo credentials of the database scripts/run-e2e.ts seeded.
export const demoLogin = { email: "owner@acme.test", password: "switchyard-demo" };
export const demoApiKey = () => {
  const key = process.env.E2E_API_KEY;
  if (!key) throw new Error("E2E_API_KEY is not set; run the suite through `npm run test:e2e`");
  return key;
};
