// Editions: language, direction, calendar, numerals, URL prefix; their sections and tags; entities.
export { listEditions, getEdition, type Edition } from './queries.js';
export { createEdition, updateEdition, editionDefaults, createSection, updateSection, createTag, updateTag, termSlug, type EditionPatch, type NewTerm } from './commands.js';
export { assertSystemOrRole, assertInEdition } from './access.js';
export {
  listSections,
  listTags,
  listEntities,
  addEntityNames,
  ENTITY_KINDS,
  type EntityKind,
  type EntityEntry,
  getSectionBySlug,
  getTagBySlug,
  getEntityByKey,
  findEntitiesByName,
  createEntity,
  normalizeName,
  type Term,
  type EntityView,
  type NewEntity,
} from './taxonomy.js';
export type { DbCtx as DomainCtx } from '../../storage/database.js';
