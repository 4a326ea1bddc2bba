// The dashboard's jest project, as the root jest.config.js lists it; run alone with
// `pnpm exec jest -c apps/dashboard/jest.config.js` from the repository root.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'dashboard',
  rootDir: __dirname,
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@tcpfleet/model$': '<rootDir>/../../packages/model/src/index.ts' },
  testEnvironment: 'node',
  testMatch: ['<rootDir>/web/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
