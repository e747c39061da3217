import type { CSSVariablesResolver, MantineColorsTuple } from '@mantine/core';
import { createTheme } from '@mantine/core';

/** Roasted-coffee browns; shade 7 (the primary) is 6.3:1 on white. */
const coffee: MantineColorsTuple = [
  '#f7f0ea',
  '#ecdfd3',
  '#dcbfa6',
  '#cb9d78',
  '#bd8051',
  '#b46e39',
  '#a65f2c',
  '#8f4f22',
  '#7a421c',
  '#643514',
];

export const theme = createTheme({
  primaryColor: 'coffee',
  primaryShade: 7,
  colors: { coffee },
  autoContrast: true,
  focusRing: 'auto',
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontWeight: '700',
    sizes: { h1: { fontSize: 'clamp(1.625rem, 1.2rem + 2vw, 2.125rem)', lineHeight: '1.25' } },
  },
  cursorType: 'pointer',
});

/** Mantine's default "dimmed" grey is 3.3:1 on white; use a darker one (7.5:1). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057',
    '--mantine-color-placeholder': '#6b7178',
  },
  dark: {},
});
