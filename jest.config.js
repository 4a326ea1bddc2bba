// One jest run over every part; each project maps @tcpfleet/* to its TypeScript source so tests
// never depend on a stale build.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest reads this file as CommonJS
const swc = require('./jest.swc');

const shared = {
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@tcpfleet/model$': `${__dirname}/packages/model/src/index.ts` },
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'model',
      rootDir: 'packages/model',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'agent',
      rootDir: 'apps/agent',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'api',
      rootDir: 'apps/api',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'dashboard',
      rootDir: 'apps/dashboard',
      testMatch: ['<rootDir>/web/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'hardening',
      rootDir: 'test/hardening',
      testMatch: ['<rootDir>/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
    },
    {
      ...shared,
      displayName: 'bench',
      rootDir: 'bench',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
  ],
};
