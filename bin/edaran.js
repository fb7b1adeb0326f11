#!/usr/bin/env node
// The `edaran` command: runs the TypeScript CLI through tsx, so a fresh clone needs no build step.
'use strict';
require('tsx/cjs');
require('../client/cli.ts');
