/**
 * `npm run facts`: every claim the guide makes, grouped by step, with its source and confidence; exits 1 when a
 * claim has no source, an unconfirmed claim is worded as a certainty, or a shown sentence states a fact no claim
 * covers. Pure data and two JSON files: runs in a second or two.
 */
import { checkFacts } from './facts-check';

const { claims, problems } = checkFacts();
const byStep = new Map<string, typeof claims>();
for (const claim of claims) byStep.set(claim.where, [...(byStep.get(claim.where) ?? []), claim]);
for (const [where, list] of byStep) {
  console.log(`\n## ${where}`);
  for (const c of list) console.log(`- [${c.confidence}] ${c.id}: ${c.says}\n    source: ${c.source_}\n    said in: ${c.keys.join(', ') || '(none)'}${c.applied?.length ? `\n    applied in: ${c.applied.join(', ')}` : ''}`);
}
const counts = claims.reduce<Record<string, number>>((n, c) => ({ ...n, [c.confidence]: (n[c.confidence] ?? 0) + 1 }), {});
console.log(`\n${claims.length} claims: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('Every claim has a source; every unconfirmed one is hedged in Spanish and English.');
