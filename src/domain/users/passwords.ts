// Password hashing with argon2id (OWASP parameters) and generation of one-time passwords.
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package's enum is a const enum, which isolated modules cannot read.
const ARGON2ID = 2;

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed login, never a crash.
    return false;
  }
}

/** 24 random characters from a URL-safe alphabet: ~143 bits. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

// The most used passwords of twelve characters or more (breach corpora): refused outright.
const COMMON = new Set([
  'password1234', '123456789012', '1234567890123', 'qwertyuiopas', 'qwerty123456', 'passwordpassword',
  'iloveyou1234', 'administrator', 'letmein12345', 'welcome12345', 'changeme1234', 'newsroom1234', 'dateline1234',
  '111111111111', 'aaaaaaaaaaaa', 'abcdefghijkl', 'abc123abc123', 'password123!', 'qwertyqwerty', '1q2w3e4r5t6y',
]);

/**
 * Minimum strength (NIST SP 800-63B): 12–256 characters, not a well-known password, not mostly one
 * character, not the account's email or name. Returns i18n keys for the `password` field.
 */
export function passwordProblems(password: string, account: { email?: string; name?: string } = {}, field = 'password'): Array<{ field: string; key: string; params?: Record<string, number> }> {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    return [{ field, key: 'errors.user.password_length', params: { min: PASSWORD_MIN, max: PASSWORD_MAX } }];
  }
  const folded = password.toLowerCase();
  const local = account.email?.split('@')[0]?.toLowerCase() ?? '';
  const name = account.name?.toLowerCase().replace(/\s+/g, '') ?? '';
  if (
    COMMON.has(folded) ||
    new Set(folded).size < 5 ||
    (local.length >= 4 && folded.includes(local)) ||
    (name.length >= 4 && folded.replace(/\s+/g, '').includes(name))
  ) {
    return [{ field, key: 'errors.password.weak' }];
  }
  return [];
}

let decoy: Promise<string> | undefined;
/**
 * A hash to verify against when no account matches, so an unknown email costs the same argon2
 * work as a wrong password and timing does not tell whether an address has an account.
 */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(generatePassword());
  return decoy;
}
