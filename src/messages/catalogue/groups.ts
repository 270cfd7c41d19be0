/** Commune groups of 51/2025/QĐ-TTg (nhóm 1/2/3): how a commune's group was found, or why not. */
import { domain, msg } from '../define.js';

export const groups = domain('groups', {
  'groups.group': msg({ group: 'number' }, (p) => `xã nhóm ${p.group}`, (p) => `group ${p.group}`),
  'groups.given': msg(
    { group: 'text', derived: 'text?', rule: 'code?' },
    (p) => `${p.group} (theo nhóm đã xác định)${p.derived === undefined ? '' : `; số liệu cho thấy ${p.derived} (${p.rule ?? ''})`}`,
    (p) => `${p.group} (as given)${p.derived === undefined ? '' : `; the facts derive ${p.derived} (${p.rule ?? ''})`}`,
  ),
  'groups.derived': msg(
    { group: 'text', rule: 'code', name: 'name', decision: 'code' },
    (p) => `${p.group} theo quy tắc ${p.rule}: ${p.name} (${p.decision})`,
    (p) => `${p.group} by rule ${p.rule}: ${p.name} (${p.decision})`,
  ),
  'groups.undetermined': msg(
    { candidates: 'list', missing: 'list', overlap: 'number' },
    (p) => `chưa xác định được nhóm xã (có thể là ${p.candidates.join(' hoặc ')})${p.missing.length ? `: thiếu ${p.missing.join('; ')}` : ''}${p.overlap > 0 ? ': thuộc quy tắc của nhiều nhóm' : ''}`,
    (p) => `group undetermined (could be ${p.candidates.join(' or ')})${p.missing.length ? `: missing ${p.missing.join('; ')}` : ''}${p.overlap > 0 ? ': rules of several groups hold' : ''}`,
  ),
});
