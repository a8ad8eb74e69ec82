// Comments: submission, threading, moderation states, spam signals, rate limits, privacy.
export {
  submitComment,
  moderateComments,
  pendingIds,
  emptyTrash,
  pruneCommentLogs,
  authorKeyHash,
  COMMENT_STATES,
  DEFAULT_RATE_LIMITS,
  TRASH_DAYS,
  type CommentStatus,
  type CommentSubmission,
  type Submitted,
  type RateLimits,
  type HoldReason,
} from './commands.js';
export { listThread, threadPageOf, countApproved, getPublicComment, findAuthorDetails, listForFeed, listForModeration, countByState, countPending, THREADS_PER_PAGE, type Thread, type ThreadComment, type StaffComment, type ModerationFilter } from './queries.js';
export { exportCommenterData, eraseCommenterData, type ExportedComment } from './privacy.js';
export { getCommentSettings, setCommentSettings, isOpen, POLICIES, DEFAULT_SETTINGS, type CommentSettings, type CommentPolicy } from './settings.js';
export { issueFormToken, checkFormToken, MIN_FILL_MS, MAX_TOKEN_AGE_MS } from './token.js';
export { bodyParts, type BodyParts, type BodySegment } from './body.js';
export { COMMENT_LIMITS, MAX_DEPTH, cleanFields, fieldProblems, websiteOf, linkCount, blockedWords } from './rules.js';
export { spamTokens, scoreFrom, spamScore, SPAM_THRESHOLD, MIN_TRAINED } from './spam.js';
export { hashAddress } from './keys.js';
export type { Identicon } from './avatar.js';
export { findCommentNotice, unsubscribeSignature, unsubscribeReplies, type CommentNotice } from './notify.js';
