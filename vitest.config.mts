import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // esbuild/oxc emit no decorator metadata; TypeORM and type-graphql need it.
  plugins: [swc.vite({ module: { type: 'es6' } })],
  // One graphql for everyone: type-graphql and Apollo require() its CommonJS build, so imports must not get the ESM twin.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
