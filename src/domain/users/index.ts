// Users: accounts, roles, passwords (argon2id) and API tokens.
export {
  createUser,
  listUsers,
  createApiToken,
  findActorByToken,
  listApiTokens,
  revokeApiToken,
  noteApiTokenUse,
  TOKEN_USE_PRECISION_MS,
  normalizeEmail,
  type ApiTokenInfo,
  type NewUser,
  type User,
} from './commands.js';
export { hashPassword, verifyPassword, generatePassword, PASSWORD_MIN } from './passwords.js';
