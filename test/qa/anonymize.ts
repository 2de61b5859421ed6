/**
 * Maintainer command: the anonymous copy of a saved page, with the extension's own scrubber (src/anonymize).
 *   npm run --silent anonymize -- FILE.html --url URL [--person person.json] > copy.html
 * person.json holds any of { "cedula", "names", "email", "birthDate": "dd/mm/yyyy", "phone" }: anything matching
 * it is removed wherever it appears. The copy goes to stdout; what was removed, to stderr. Nothing is sent.
 */
import { readFileSync } from 'node:fs';
import { anonymize, parseCopyPerson, REMOVED_KINDS, type CopyPerson } from '../../src/anonymize';
import { canonicalUrl, closeParser, parseHtml } from './load';
import { runMain } from './run-main';

const USAGE = 'usage: npm run --silent anonymize -- FILE.html --url URL [--person person.json] > copy.html\n';

async function main(argv: string[]): Promise<number> {
  let file: string | null = null;
  let url: string | null = null;
  let personFile: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--url') url = argv[++i] ?? null;
    else if (arg.startsWith('--url=')) url = arg.slice(6);
    else if (arg === '--person') personFile = argv[++i] ?? null;
    else if (arg.startsWith('--person=')) personFile = arg.slice(9);
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      return 0;
    } else if (file === null) file = arg;
    else {
      process.stderr.write(`unexpected argument: ${arg}\n${USAGE}`);
      return 2;
    }
  }
  if (!file) {
    process.stderr.write(USAGE);
    return 2;
  }
  let person: CopyPerson | null = null;
  if (personFile) {
    try {
      person = parseCopyPerson(JSON.parse(readFileSync(personFile, 'utf8')));
    } catch (err) {
      process.stderr.write(`${personFile}: ${(err as Error).message}\n`);
      return 2;
    }
  }
  const doc = parseHtml(readFileSync(file, 'utf8'));
  // A saved page's own canonical link when no --url is given; its address is what the detector reads.
  const pageUrl = url ?? canonicalUrl(doc);
  const copy = anonymize(doc, pageUrl, { person });
  process.stdout.write(copy.html);
  const counts = REMOVED_KINDS.filter((k) => copy.removed[k] > 0).map((k) => `${k} ${copy.removed[k]}`);
  process.stderr.write(`anonymous copy of ${file} at ${copy.url || '(no address)'}: removed ${counts.join(', ') || 'nothing'}${copy.truncated ? ' (truncated)' : ''}\n`);
  await closeParser();
  return 0;
}

runMain(main);
