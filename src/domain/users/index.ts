// Users: accounts, roles and edition limits, passwords (argon2id), sessions and sign-in
// throttling, TOTP two-factor with recovery codes, invitations, and API tokens.
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
export { hashPassword, verifyPassword, generatePassword, passwordProblems, PASSWORD_MIN, PASSWORD_MAX } from './passwords.js';
export {
  signIn,
  completeSignIn,
  findSession,
  csrfMatches,
  signOut,
  signOutEverywhere,
  listMySessions,
  SECOND_FACTOR_MS,
  type SessionPolicy,
  type NewSession,
  type ResolvedSession,
  type SessionInfo,
  type SessionStage,
} from './sessions.js';
export { THROTTLE } from './throttle.js';
export { startTotpSetup, pendingTotpSetup, confirmTotp, disableTotp, resetTotp, countRecoveryCodes, totpCode, RECOVERY_CODES, type TotpSetup } from './totp.js';
export {
  changePassword,
  setInterfaceLanguage,
  listAccounts,
  updateAccess,
  deactivateUser,
  reactivateUser,
  userIdByEmail,
  INTERFACE_LANGUAGES,
  type Account,
} from './accounts.js';
export { createInvitation, getInvitation, acceptInvitation, INVITATION_TTL_MS, INVITATION_PATH, type Invitation } from './invitations.js';
