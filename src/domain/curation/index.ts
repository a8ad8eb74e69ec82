// Curation: home slots (lead, top stories), sidebar blocks with date ranges, and the breaking-news bar.
export { addBlock, updateBlock, removeBlock, moveBlock, blockEdition, isBlockLink, BLOCK_LIMITS, SLOTS, SIDEBAR_KINDS, CURATORS, type NewBlock, type BlockFields, type Slot, type BlockKind } from './commands.js';
export { listLiveBlocks, listBlocks, type CuratedBlock, type StaffBlock } from './queries.js';
export { setBreaking, clearBreaking, findBreaking, listBreaking, BREAKING_LIMITS, type Breaking, type BreakingInput } from './breaking.js';
