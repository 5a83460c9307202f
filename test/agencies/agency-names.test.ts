import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agency } from '../../src/entities/agency.entity';
import { ingestReport } from '../../src/ingest/ingest-report';
import { namesWithoutRegion } from '../../src/template/agency-names.template';
import { sampleText } from '../helpers/fixtures';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../helpers/test-databases';

describe('an agency printed with its region in front is the same agency', () => {
  it('names without the region: only where a county-level place starts what is left', () => {
    expect(namesWithoutRegion('淮安市洪泽区人民政府')).toEqual(['洪泽区人民政府']);
    expect(namesWithoutRegion('江苏省淮安市洪泽区人民政府')).toEqual(['淮安市洪泽区人民政府', '洪泽区人民政府']);
    expect(namesWithoutRegion('洪泽区市场监督管理局')).toEqual([]);
    expect(namesWithoutRegion('淮安市人民政府')).toEqual([]);
  });

  describe.each(DATABASE_KINDS)('on %s', (kind) => {
    let database: TestDatabase;
    beforeEach(async () => {
      database = await openTestDatabase(kind);
    });
    afterEach(() => database.close());

    const store = (agencyName: string, year: number) => ingestReport(database.dataSource, { bytes: Buffer.from(sampleText('001_e6ee48d9f5f3b505.txt')), agencyName, year });
    const agencies = async () => (await database.dataSource.getRepository(Agency).find({ order: { name: 'ASC' } })).map((a) => ({ name: a.name, fullName: a.fullName }));

    it('whichever comes first, one agency under the shorter name, the longer kept as its full name', async () => {
      await store('淮安市洪泽区人民政府', 2021);
      await store('洪泽区人民政府', 2022);
      expect(await agencies()).toEqual([{ name: '洪泽区人民政府', fullName: '淮安市洪泽区人民政府' }]);
      await store('江苏省淮安市洪泽区人民政府', 2023);
      expect(await agencies()).toEqual([{ name: '洪泽区人民政府', fullName: '淮安市洪泽区人民政府' }]);
    });

    it('a title printing a full or short name set by hand files the report under that agency', async () => {
      await store('驻马店经济开发区管委会', 2021);
      await database.dataSource.getRepository(Agency).update({ name: '驻马店经济开发区管委会' }, { fullName: '驻马店经济开发区管理委员会', shortName: '驻马店开发区' });
      await store('驻马店经济开发区管理委员会', 2022);
      await store('驻马店开发区', 2023);
      expect(await agencies()).toEqual([{ name: '驻马店经济开发区管委会', fullName: '驻马店经济开发区管理委员会' }]);
    });

    it('a short name two stored agencies could carry is an agency of its own', async () => {
      await store('南京市鼓楼区人民政府', 2021);
      await store('福州市鼓楼区人民政府', 2021);
      await store('鼓楼区人民政府', 2021);
      expect((await agencies()).map((a) => a.name)).toEqual(['南京市鼓楼区人民政府', '福州市鼓楼区人民政府', '鼓楼区人民政府'].sort());
    });
  });
});
