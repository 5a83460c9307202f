import { describe, expect, it } from 'vitest';
import { readRepositoryFile, repositoryFiles } from '../helpers/repository-files';

const files = repositoryFiles();
/** Program and test sources, leaving out generated code and this folder's tests (they name what they look for). */
const sources = (prefix: string) => files.filter((file) => file.startsWith(prefix) && /\.(ts|js)$/.test(file) && !file.startsWith('src/generated/') && !file.startsWith('test/repository/'));
const filesContaining = (prefix: string, pattern: RegExp) => sources(prefix).filter((file) => pattern.test(readRepositoryFile(file)));

describe('repository hygiene', () => {
  it('no script lies about at the root: only configuration files', () => {
    const rootScripts = files.filter((file) => !file.includes('/') && /\.[cm]?[jt]s$/.test(file));
    expect(rootScripts.filter((file) => !/\.config\.[cm]?[jt]s$/.test(file))).toEqual([]);
  });

  it('every function, constant and class src/ exports is used by the program (src, bench, bin or an npm script), not only declared', () => {
    const program = [...sources('src/'), ...sources('bench/'), ...sources('bin/'), 'package.json'].map((file) => [file, readRepositoryFile(file)] as const);
    const unused: string[] = [];
    for (const [file, text] of program.filter(([file]) => file.startsWith('src/') && !file.includes('/migrations/'))) {
      for (const [, name] of text.matchAll(/^export (?:async )?(?:function\*? |const |let |class |abstract class |enum )(\w+)/gm)) {
        const mention = new RegExp(`\\b${name}\\b`, 'g');
        const mentions = program.reduce((count, [, other]) => count + (other.match(mention)?.length ?? 0), 0);
        if (mentions < 2) unused.push(`${file}: ${name}`);
      }
    }
    expect(unused).toEqual([]);
  });

  it('the columns of a cell\'s content are listed in one place', () => {
    const listings = filesContaining('src/', /'correction_reason'/).filter((file) => !file.includes('/migrations/') && !file.endsWith('.entity.ts'));
    expect(listings).toEqual(['src/services/cell-columns.ts']);
  });

  it('SQL picking cells by the codes of their addresses is written in one place', () => {
    expect(filesContaining('src/', /(table|row|column)_code\s*(IN\b|= ?ANY)/)).toEqual([]);
    expect(filesContaining('src/', /(?<!function )\baddressCodes\(/)).toEqual(['src/database/list-parameter-sql.ts']);
    expect(filesContaining('src/', /(?<!function )\bcellCodesSql\(/).sort()).toEqual(['src/loaders/load-cells.ts', 'src/services/aggregate-sql.ts']);
  });

  it('tests make temporary PostgreSQL databases in one place', () => {
    expect(filesContaining('test/', /CREATE DATABASE/)).toEqual(['test/helpers/test-databases.ts']);
  });
});
