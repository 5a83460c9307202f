import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitSchema } from '../../src/cli/schema.command';

const ROOT = join(__dirname, '..', '..');
const STALE = 'is stale: run `npm run codegen` and commit the result';

describe('committed generated files', () => {
  it('schema.graphql is what the code-first schema emits', async () => {
    expect(await emitSchema(), `schema.graphql ${STALE}`).toBe(readFileSync(join(ROOT, 'schema.graphql'), 'utf8'));
  });

  it('the typed documents of codegen.yml match queries/ and schema.graphql', async () => {
    const { config } = await loadCodegenConfig({ configFilePath: join(ROOT, 'codegen.yml') });
    const outputs = await generate({ ...config, cwd: ROOT, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      expect(output.content, `${output.filename} ${STALE}`).toBe(readFileSync(join(ROOT, output.filename), 'utf8'));
    }
  });
});
