// Builds the server (tsc) and the web app (vite) when their sources are newer than the last build,
// so `npm start` and `npm test` work on a fresh clone without a separate build step.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newest(dir, filter = () => true) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path, filter));
    else if (filter(path)) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);
const isWeb = (path) => path.includes(`${join('src', 'web')}/`) || path.endsWith(join('src', 'web'));

const serverSources = Math.max(
  newest(join(root, 'src'), (p) => !isWeb(p) && !p.endsWith('.test.ts')),
  mtime(join(root, 'tsconfig.build.json')),
);
const webSources = Math.max(newest(join(root, 'src', 'web')), mtime(join(root, 'package-lock.json')));

const run = (what, command) => {
  process.stderr.write(`ayni: building the ${what}…\n`);
  execSync(command, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
};

if (serverSources > mtime(join(root, 'dist', 'server', 'cli', 'main.js')))
  run('server', 'npm run --silent build:server');
if (webSources > mtime(join(root, 'dist', 'web', 'index.html'))) run('web app', 'npm run --silent build:web');
