// Every noun of `dateline`, one line each: a command file default-exports its Noun (see
// command.ts) and is registered here by name. The export's name is only a handle; the command is the
// Noun's `name`. Help lists the nouns alphabetically.
export { default as serve } from './commands/serve.js';
export { default as migrate } from './commands/migrate.js';
export { default as seedDemo } from './commands/seed-demo.js';
export { default as user } from './commands/user.js';
export { default as token } from './commands/token.js';
export { default as edition } from './commands/edition.js';
export { default as section } from './commands/section.js';
export { default as tag } from './commands/tag.js';
export { default as entity } from './commands/entity.js';
export { default as related } from './commands/related.js';
export { default as search } from './commands/search.js';
export { default as jobs } from './commands/jobs.js';
export { default as media } from './commands/media.js';
export { default as site } from './commands/site.js';
export { default as comments } from './commands/comments.js';
