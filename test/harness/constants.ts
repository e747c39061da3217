/** Shared by the global set-up and the per-file context. */
export const TEMPLATE_DB = 'ayni_template';
/** The demo in the test template was loaded at this instant. */
export const TEST_EPOCH = '2026-03-02T13:00:00.000Z';
export const DEMO_PASSWORD = 'ayni-demo';
