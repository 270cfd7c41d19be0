import type { CommuneResult, Status } from '../schema/result.js';
import type { Lang } from '../requirement/format.js';

const MARK: Record<Status, string> = { met: '✓', 'not-met': '✗', undetermined: '?' };
const STATUS_TEXT: Record<Lang, Record<Status, string>> = {
  vi: { met: 'Đạt chuẩn', 'not-met': 'Chưa đạt', undetermined: 'Chưa xác định' },
  en: { met: 'meets the set', 'not-met': 'not met', undetermined: 'undetermined' },
};

/** Display width of a string in a monospace terminal (combining marks take no column). */
export function displayWidth(s: string): number {
  return [...s.normalize('NFC')].length;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/**
 * A plain-text commune × criteria matrix: one row per commune (its name, else its id), one
 * column per criterion (✓ met, ✗ not met, ? undetermined), then the counts and the status.
 *
 * @example console.log(criteriaMatrixTable(results, 'vi'))
 */
export function criteriaMatrixTable(results: readonly CommuneResult[], lang: Lang = 'vi'): string {
  if (results.length === 0) return '';
  const numbers = results[0]!.criteria.map((c) => c.number);
  const labels = results.map((r) => r.name ?? r.communeId);
  const nameHead = lang === 'vi' ? 'Xã' : 'Commune';
  const nameWidth = Math.max(displayWidth(nameHead), ...labels.map(displayWidth));
  const cell = Math.max(2, ...numbers.map((n) => n.length));
  const counts = lang === 'vi' ? ['Đạt', 'Chưa', '?'] : ['met', 'not', '?'];
  const statusHead = lang === 'vi' ? 'Kết quả' : 'Status';
  const head = [pad(nameHead, nameWidth), ...numbers.map((n) => n.padStart(cell)), ...counts.map((c) => c.padStart(4)), statusHead].join(' ');
  const lines = [head, '-'.repeat(displayWidth(head) + 10)];
  results.forEach((r, i) => {
    const byNumber = new Map(r.criteria.map((c) => [c.number, c.status]));
    lines.push(
      [
        pad(labels[i]!, nameWidth),
        ...numbers.map((n) => {
          const s = byNumber.get(n);
          return (s === undefined ? '' : MARK[s]).padStart(cell);
        }),
        String(r.criteriaMet).padStart(4),
        String(r.criteriaNotMet).padStart(4),
        String(r.criteriaUndetermined).padStart(4),
        STATUS_TEXT[lang][r.status],
      ].join(' '),
    );
  });
  const legend =
    lang === 'vi' ? '✓ đạt  ✗ chưa đạt  ? chưa xác định (thiếu số liệu hoặc chưa rõ ngưỡng)' : '✓ met  ✗ not met  ? undetermined (missing data or unknown threshold)';
  lines.push('', legend);
  return lines.join('\n');
}
