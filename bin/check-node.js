'use strict';
// Stops, in one line, on a Node.js that package.json's engines do not admit, before anything that may not run on it.
const refusal = require('../dist/cli/node-support.js').unsupportedNodeMessage(process.versions.node);
if (refusal) {
  process.stderr.write(`${refusal}\n`);
  process.exit(1);
}
