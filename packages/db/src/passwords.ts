import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane (about 17 ms here).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against an argon2id hash; a malformed hash counts as a mismatch. */
export async function verifyPassword(options: { hash: string; password: string }): Promise<boolean> {
  try {
    return await verify(options.hash, options.password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one verification without an account, so that sign-in
 * takes about as long whether the e-mail is known or not.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('atelier-timing-equaliser');
  await verifyPassword({ hash: await dummyHash, password });
  return false;
}
