import { expect, test } from "@playwright/test";

// Through the console's own Next.js server: the sign-in limits see the connection's address,
// not an X-Forwarded-For (or a forged peer stamp) the client sends, so rotating that header
// does not buy a guesser fresh attempts. The account is one nobody uses in the other specs.
test("a guesser rotating X-Forwarded-For is still slowed after five wrong passwords for one account", async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const errors: string[] = [];
  for (let i = 1; i <= 6; i++) {
    const res = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: "nobody-guessed@e2e.test", password: `wrong-${i}`, json: "true" },
      headers: { "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}`, "x-switchyard-peer": `00 192.0.2.${i}` },
      maxRedirects: 0,
    });
    const { url } = (await res.json()) as { url: string };
    errors.push(new URL(url).searchParams.get("error") ?? "");
  }
  expect(errors.slice(0, 5)).toEqual(Array(5).fill("CredentialsSignin"));
  expect(errors[5]).toMatch(/^Too many sign-in attempts, try again in \d+ s$/);
});
