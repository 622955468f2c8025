/** Two projects: unit specs beside the code, e2e specs under test/ against real PostgreSQL and Redis. */
const tsJest = [
  'ts-jest',
  {
    tsconfig: 'tsconfig.json',
    isolatedModules: false,
    diagnostics: { warnOnly: false },
    // The swagger plugin fills the OpenAPI schemas from the DTOs, as `nest build` does.
    astTransformers: {
      before: ['<rootDir>/test/swagger-transformer.js'],
    },
  },
];

// ES-module-only packages jest must turn into CommonJS: content-disposition (via @fastify/static); archiver 8 and its
// zip stack (Node itself loads them with require(esm)).
const esmOnly = ['content-disposition', 'archiver', 'zip-stream', 'compress-commons', 'crc32-stream', 'is-stream'];
const jsToCommonJs = ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' }, isolatedModules: true }];

const e2eProject = (displayName, testMatch) => ({
  displayName,
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch,
  transform: { '^.+\\.ts$': tsJest, '^.+\\.js$': jsToCommonJs },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  setupFiles: ['<rootDir>/test/setup-env.ts'],
});

module.exports = {
  maxWorkers: 2,
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      transform: { '^.+\\.ts$': tsJest, '^.+\\.js$': jsToCommonJs },
      transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
      moduleFileExtensions: ['ts', 'js', 'json'],
    },
    e2eProject('e2e', ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.service-spec.ts']),
    // Benchmarks written as jest specs (test/**/*.bench-spec.ts) are not part of the suite: npm run bench runs them
    // with KOERS_BENCH=1 (jest --selectProjects bench).
    ...(process.env.KOERS_BENCH === '1' ? [e2eProject('bench', ['<rootDir>/test/**/*.bench-spec.ts'])] : []),
  ],
};
