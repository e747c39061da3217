// Temporary: accounts and collection still import from here until they move to web/shared (issue 9).
export * from '../shared/format.js';
