// Curation: home slots (lead, top stories) and sidebar blocks, with date ranges.
export { addBlock, type NewBlock, type Slot, type BlockKind } from './commands.js';
export { listLiveBlocks, type CuratedBlock } from './queries.js';
