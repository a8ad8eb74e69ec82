// The simplest access rule, shared by modules below users in the domain order: a named role or the system.
import type { Actor, Role } from '../../core/context.js';
import { DomainError } from '../../core/errors.js';

export function assertSystemOrRole(actor: Actor, roles: readonly Role[]): void {
  if (actor.kind === 'system') return;
  if (actor.kind === 'anonymous') throw new DomainError('Unauthenticated', 'AUTH_REQUIRED');
  if (!roles.includes(actor.role)) throw new DomainError('Forbidden', 'ROLE_FORBIDDEN');
}

/**
 * Accounts may be limited to editions (users.user_editions, carried on the actor): work in an
 * edition outside the limit is refused, whatever the role. Curation and the desks call it with the
 * edition they act on; articles apply the same rule in their policy (reads and lists included).
 */
export function assertInEdition(actor: Actor, edition: string): void {
  if (actor.kind === 'anonymous') throw new DomainError('Unauthenticated', 'AUTH_REQUIRED');
  if (actor.kind === 'user' && actor.editions !== undefined && !actor.editions.includes(edition)) {
    throw new DomainError('Forbidden', 'EDITION_FORBIDDEN', { params: { edition } });
  }
}
