#!/usr/bin/env node
// Entry point of `eimza-agent`: loads the TypeScript CLI through tsx (no build step).
'use strict';
require('tsx/cjs');
const { main } = require('../cli.ts');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Native PC/SC or PKCS#11 handles must not keep a finished command alive.
    setTimeout(() => process.exit(code), 2000).unref();
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
