#!/usr/bin/env node
// The installed command. It is a committed file (not the build output) so npm can link it before
// `prepare` has built dist/; it then runs the built entry point.
import '../dist/main.js';
