/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS require hook, loaded with node -r */
// Lets a child process run the API from its TypeScript source, as jest does: PGlite loads its parts with
// dynamic import(), which jest's module sandbox refuses, so end-to-end tests run the API in its own process.
const Module = require('module');
const { readFileSync } = require('fs');
const { join } = require('path');
const { transformSync } = require('@swc/core');

const modelSource = join(__dirname, '../../../../packages/model/src/index.ts');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === '@tcpfleet/model' ? modelSource : request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
