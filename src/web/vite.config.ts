import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));
const server = 'http://127.0.0.1:8080';
const proxy = { '/api': server, '/healthz': server };

/** Only the plots map needs these (1.6 MB): fetched when the map is first opened, then kept. */
const NOT_PRECACHED = /^assets\/(MapCanvas|maplibre-gl-worker)-/;

/**
 * Writes dist/web/sw.js from public/sw.js with the build's shell (index.html, its scripts and
 * styles) and a version made from their names and the page: every build that changes the app is a
 * new service worker, which replaces the cached shell.
 */
function serviceWorker(): Plugin {
  let files: string[] = [];
  return {
    name: 'ayni-service-worker',
    apply: 'build',
    writeBundle(_options, bundle) {
      files = Object.keys(bundle)
        .filter((name) => name === 'index.html' || (/\.(js|css)$/.test(name) && !NOT_PRECACHED.test(name)))
        .map((name) => `/${name}`)
        .sort();
    },
    closeBundle() {
      if (files.length === 0) return;
      files.push('/favicon.svg');
      const template = readFileSync(join(root, 'public', 'sw.js'), 'utf8');
      const version = createHash('sha256')
        .update(template)
        .update(readFileSync(join(outDir, 'index.html')))
        .update(files.join('\n'))
        .digest('hex')
        .slice(0, 16);
      const marker = /^const BUILD = .*\/\/ ayni:build$/m;
      if (!marker.test(template))
        throw new Error('public/sw.js: the `const BUILD = …; // ayni:build` line is missing');
      const build = `const BUILD = ${JSON.stringify({ version, files })};`;
      writeFileSync(join(outDir, 'sw.js'), template.replace(marker, build));
    },
  };
}

export default defineConfig(({ command }) => ({
  root,
  base: '/',
  publicDir: 'public',
  plugins: [react(), serviceWorker()],
  // The service worker is registered by production builds only (src/web/main.tsx).
  define: { __AYNI_SERVICE_WORKER__: JSON.stringify(command === 'build') },
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  server: { proxy },
  preview: { proxy },
}));
