#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm run build` (swc); this shim only points at it.
require('../dist/apps/cli/src/main.js');
