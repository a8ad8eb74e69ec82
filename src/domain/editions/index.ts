// Editions: language, direction, calendar, numerals, URL prefix; and their sections and tags.
export { listEditions, getEdition, type Edition } from './queries.js';
export { createEdition, createSection, createTag } from './commands.js';
export { assertSystemOrRole } from './access.js';
