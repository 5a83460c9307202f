#!/usr/bin/env node
'use strict';
require('./check-node.js');
require('../dist/cli/main.js').main(process.argv);
