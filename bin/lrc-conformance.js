#!/usr/bin/env node
// Installed entry point: the compiled CLI (npm run build writes dist/). Contributors use `npm run conformance`.
import '../dist/conformance/src/cli.js';
