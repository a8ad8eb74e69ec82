// Route parameter schemas shared by the reader routes: they admit only what a URL of ours can hold.
export const LANG = { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', maxLength: 35 } as const;
export const ID = { type: 'string', pattern: '^[1-9][0-9]{0,14}$' } as const;
export const SLUG = { type: 'string', minLength: 1, maxLength: 200 } as const;
export const CURSOR = { type: 'string', maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' } as const;
export const LIST_QUERY = { type: 'object', properties: { before: CURSOR, after: CURSOR }, additionalProperties: true } as const;
