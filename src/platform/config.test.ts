import { describe, expect, it } from 'vitest';
import { resolveSettings } from './config.js';

describe('settings', () => {
  it('flags win over the environment, which wins over the defaults', () => {
    expect(resolveSettings({}, {}).port).toBe(8080);
    expect(resolveSettings({}, { PORT: '9000' }).port).toBe(9000);
    expect(resolveSettings({}, { AYNI_PORT: '9001', PORT: '9000' }).port).toBe(9001);
    expect(resolveSettings({ port: '9002' }, { AYNI_PORT: '9001' }).port).toBe(9002);
    expect(resolveSettings({}, {}).host).toBe('127.0.0.1');
    expect(resolveSettings({}, { AYNI_DEMO: '0' }).demo).toBe(false);
    expect(resolveSettings({}, { DATABASE_URL: 'postgres://x/y' }).databaseUrl).toBe('postgres://x/y');
    expect(resolveSettings({}, {}).dataDir.endsWith('ayni-data')).toBe(true);
  });

  it('refuses a port that is not a port', () => {
    expect(() => resolveSettings({ port: 'abc' }, {})).toThrow(/whole number/);
    expect(() => resolveSettings({ port: '70000' }, {})).toThrow(/65535/);
  });
});
