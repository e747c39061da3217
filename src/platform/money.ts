/** Moved to src/shared (the web app formats money too); kept so platform callers read unchanged. */
export * from '../shared/money.js';
