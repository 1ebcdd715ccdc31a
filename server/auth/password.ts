import bcrypt from "bcryptjs";

// Cost 10 keeps sign-in near 60 ms on a small server while staying expensive to brute-force.
export const COST = 10;

// The hash of a random, forgotten password at the same cost: checked when an email has no
// account, so that an unknown email costs the same bcrypt work (and time) as a known one.
export const DUMMY_HASH = "$2b$10$6mrhTfiMuLQulfpkL7rvvul5jZiVnzk1eEa8jiRUfXTIxz9JQrlL2";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** Whether `password` matches `hash`; with no hash (no such user) it runs one check anyway and says no. */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return hash !== null && matches;
}
