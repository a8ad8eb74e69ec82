// The simplest access rule, shared by modules below users in the domain order: a named role or the system.
import type { Actor, Role } from '../../core/context.js';
import { DomainError } from '../../core/errors.js';

export function assertSystemOrRole(actor: Actor, roles: readonly Role[]): void {
  if (actor.kind === 'system') return;
  if (actor.kind === 'anonymous') throw new DomainError('Unauthenticated', 'AUTH_REQUIRED');
  if (!roles.includes(actor.role)) throw new DomainError('Forbidden', 'ROLE_FORBIDDEN');
}
