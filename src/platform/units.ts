/** Moved to src/shared (the web app converts masses too); kept so platform callers read unchanged. */
export * from '../shared/units.js';
