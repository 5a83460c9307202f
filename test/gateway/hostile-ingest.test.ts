import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGEST_LIMITS } from '../../src/ingest/ingest-limits';
import { sampleText } from '../helpers/fixtures';
import { deeplyNestedHtml, ONE_LINE_CONTENT, pdfBomb, pdfSharingOneContent, pdfTooSlow } from '../helpers/hostile-inputs';
import { pollHealth, startServeProcess, type ServeProcess } from '../helpers/serve-process';
import { cliDatabase, type CliDatabase } from '../helpers/test-databases';

const SAMPLE = '001_e6ee48d9f5f3b505.txt';
const ADMIN = { authorization: 'Bearer k-admin-4411' };
const INGEST = 'mutation($text: String!, $fileName: String) { ingestReport(input: { text: $text, fileName: $fileName }) { outcome report { year } } }';

interface Answer {
  data?: { ingestReport: { outcome: string; report: { year: number } } | null } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe('the ingestReport mutation refuses files built to exhaust the reader, as the caller\'s error, while /healthz answers', () => {
  let database: CliDatabase;
  let serve: ServeProcess;

  beforeAll(async () => {
    database = await cliDatabase();
    // The 20,000-page PDF is 2.7 MB of text: over the default 1 MB body limit, within the 20 MiB ingest limit.
    serve = await startServeProcess(database.args, { ...database.env, NIANBAO_API_KEYS: `ops:admin:${ADMIN.authorization.slice(7)}`, NIANBAO_BODY_LIMIT: '8mb' });
  });
  afterAll(async () => {
    await serve?.stop();
    await database?.cleanup();
  });

  /** Sends one file as the mutation's text; counts the /healthz answers while it runs. */
  const ingest = async (fileName: string, content: string | Buffer) => {
    const health = pollHealth(serve.url);
    // Every hostile PDF here is ASCII (hex-encoded streams), so it goes through the text field byte for byte.
    const answer = await serve.graphql<Answer['data']>(INGEST, { text: typeof content === 'string' ? content : content.toString('latin1'), fileName }, ADMIN);
    return { answer: answer as Answer, healthAnswers: await health.stop() };
  };
  const refusal = (message: unknown) => ({ data: null, errors: [{ message, locations: expect.any(Array), path: ['ingestReport'], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }] });

  it('a PDF whose stream inflates past the limit', async () => {
    const { answer } = await ingest('bomb.pdf', pdfBomb(INGEST_LIMITS.maxPdfInflatedBytes + 1024 * 1024));
    expect(answer).toEqual(refusal(expect.stringMatching(/^bomb\.pdf: PDF streams inflate to over 67108864 bytes \(limit 67108864\); the stream at byte \d+ passed it$/)));
  });

  it('a PDF of 20,000 pages sharing one content stream', async () => {
    const { answer } = await ingest('pages.pdf', pdfSharingOneContent(20_000, ONE_LINE_CONTENT));
    expect(answer).toEqual(refusal('pages.pdf: PDF has 20000 pages (limit 200)'));
  });

  it('a PDF whose pages take past the deadline: stopped at 5 s, and /healthz answers all along', async () => {
    const { answer, healthAnswers } = await ingest('slow.pdf', pdfTooSlow());
    expect(answer).toEqual(refusal("slow.pdf: reading took over 5000 ms and was stopped (while reading the PDF's text)"));
    // Polled every 20 ms for at least the 5 s the reader ran: a blocked gateway answers once, after.
    expect(healthAnswers).toBeGreaterThan(10);
  });

  it('an HTML page of 80,000 nested <div>s around a report', async () => {
    const { answer, healthAnswers } = await ingest('deep.html', deeplyNestedHtml(sampleText(SAMPLE), 80_000));
    expect(answer).toEqual(refusal('deep.html: <div> at line 3 is nested 501 elements deep, over the HTML nesting limit of 500'));
    expect(healthAnswers).toBeGreaterThan(0);
  });

  it('and then stores a report as before', async () => {
    const { answer } = await ingest('good.txt', sampleText(SAMPLE));
    expect(answer).toEqual({ data: { ingestReport: { outcome: 'STORED', report: { year: 2021 } } } });
  });
});
