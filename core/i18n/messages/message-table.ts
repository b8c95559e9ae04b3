/** Every message exists in Simplified Chinese and English. */
export type MessageTable = Record<string, { readonly zh: string; readonly en: string }>;
