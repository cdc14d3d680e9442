#!/usr/bin/env node
// Entry point of `eimza-agent` in the repository: loads the TypeScript CLI through tsx (no build step).
'use strict';
require('tsx/cjs');
require('../cli.ts').runFromCommandLine();
