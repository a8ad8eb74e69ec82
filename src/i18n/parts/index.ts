// Every feature's catalog part; src/i18n/index.ts merges them into one catalog per language.
import articleList from './article-list.js';
import commentDesk from './comment-desk.js';
import comments from './comments.js';
import editor from './editor.js';
import identity from './identity.js';
import media from './media.js';
import mediaLibrary from './media-library.js';
import newsroom from './newsroom.js';

export const parts = [identity, newsroom, comments, media, commentDesk, articleList, mediaLibrary, editor] as const;
