// Media: image intake with metadata stripping, and the BlobStore port.
export { importImage, MAX_IMAGE_BYTES, type ImageInput } from './commands.js';
export { BLOB_KEY, type BlobStore } from './ports.js';
