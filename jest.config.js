/** Jest runs the TypeScript sources through swc (type checking is `tsc`'s job, in `npm run typecheck`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2023' } }] },
  // p-queue ships ESM only; swc turns it into CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!(p-queue|p-timeout|eventemitter3)/)'],
  setupFilesAfterEnv: ['<rootDir>/test/support/fast-check-seed.ts'],
  globalSetup: '<rootDir>/test/support/redis-global-setup.ts',
  globalTeardown: '<rootDir>/test/support/redis-global-teardown.ts',
  testTimeout: 20000,
  reporters: ['default', '<rootDir>/test/support/closing-line-reporter.js'],
};
