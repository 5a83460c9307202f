#!/usr/bin/env node
'use strict';
const refusal = require('../dist/cli/node-support.js').unsupportedNodeMessage(process.versions.node);
if (refusal) {
  process.stderr.write(`${refusal}\n`);
  process.exit(1);
}
require('../dist/cli/main.js').main(process.argv);
