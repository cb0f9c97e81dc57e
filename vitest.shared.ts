/**
 * Reporter settings shared by every vitest config: the console report, plus a JSON
 * report per suite when `npm test` collects the counts for its summary line.
 */
export function reporting(suite: string): { reporters: string[]; outputFile?: { json: string } } {
  const dir = process.env.ATELIER_TEST_REPORT_DIR;
  if (!dir) return { reporters: ['default'] };
  return { reporters: ['default', 'json'], outputFile: { json: `${dir}/${suite}.json` } };
}
