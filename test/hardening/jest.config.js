// The hardening suites on their own: `pnpm exec jest -c test/hardening/jest.config.js` from the
// repository root. Same transform and model mapping as the workspace's jest projects.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest reads this file as CommonJS
const swc = require('../../jest.swc');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'hardening',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@tcpfleet/model$': '<rootDir>/../../packages/model/src/index.ts' },
  testEnvironment: 'node',
};
