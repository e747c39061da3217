#!/usr/bin/env node
// The `ayni` command: runs the compiled CLI (npm start and npm run build compile it into dist/).
import { main } from '../dist/server/cli/main.js';

await main(process.argv);
