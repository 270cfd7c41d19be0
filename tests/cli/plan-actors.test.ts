import { describe, expect, it } from 'vitest';
import { built, nodeProcess, repo } from './helpers.js';
import { getPlan } from '../../src/index.js';

const run = (args: string[]) => nodeProcess([built().cli, ...args]);
const EX23 = repo('examples/dak-song-2023.json');

describe('the plan’s other actors', () => {
  it('are plan data with their source: the Fatherland Front (IV.3), the mass organisations (IV.4), the partners and the recognition facts', () => {
    const plan = getPlan('dak-song/2023');
    const agency = (id: string) => plan.agencies.find((a) => a.id === id)!;
    expect(agency('fatherland-front')).toMatchObject({ nameVi: 'Ủy ban MTTQ Việt Nam huyện Đắk Song', recognition: ['satisfaction'], source: { provision: 'IV.3' } });
    expect(agency('fatherland-front').dutiesVi[0]).toContain('lấy ý kiến về sự hài lòng của nhân dân');
    expect(agency('mass-organisations').source.provision).toBe('IV.4');
    expect(agency('finance-planning')).toMatchObject({ recognition: ['no-construction-debt'], source: { provision: 'III.2.2' } });
    expect(agency('police').recognition).toEqual(['security-order']);
    expect(agency('health')).toMatchObject({ partnersVi: ['Bảo hiểm xã hội huyện'], partnersEn: ['District Social Insurance (BHXH huyện)'] });
    expect(agency('culture-information').partnersVi).toEqual(['Trung tâm Văn hóa TT&TT']);
  });

  it('ntm owners shows partners, other duties and who provides each recognition fact, in each language and format', async () => {
    const expected = {
      vi: ['Phối hợp', 'Bảo hiểm xã hội huyện', 'Trung tâm Văn hóa TT&TT', 'Ủy ban MTTQ Việt Nam huyện Đắk Song: kết quả lấy ý kiến sự hài lòng của người dân', 'Phòng Tài chính – Kế hoạch: báo cáo nợ đọng xây dựng cơ bản', 'Công an huyện: đánh giá an ninh, trật tự'],
      en: ['Partners', 'District Social Insurance (BHXH huyện)', 'District Committee of the Vietnam Fatherland Front: the residents\' satisfaction survey', 'Finance and Planning Office: the report on outstanding construction debt', 'allocating capital'],
    } as const;
    for (const lang of ['vi', 'en'] as const) {
      for (const format of ['table', 'md'] as const) {
        const r = await run(['owners', '--plan', 'dak-song/2023', '--format', format, '--lang', lang]);
        expect(r.code).toBe(0);
        for (const text of expected[lang]) expect(r.stdout, `${format} ${lang}`).toContain(text);
      }
    }
    const json = JSON.parse((await run(['owners', '--plan', 'dak-song/2023', '--format', 'json'])).stdout) as Array<{ id: string; recognition: string[] }>;
    expect(json.find((a) => a.id === 'fatherland-front')!.recognition).toEqual(['satisfaction']);
  });

  it('ntm worklist names the agency’s partners, other duties and recognition facts', async () => {
    const front = await run(['worklist', EX23, '--agency', 'fatherland-front']);
    expect(front.code).toBe(0);
    expect(front.stdout).toContain('Nhiệm vụ khác theo kế hoạch: Chủ trì, phối hợp với các đơn vị liên quan');
    expect(front.stdout).toContain('Cung cấp cho hồ sơ công nhận (18/2022/QĐ-TTg): kết quả lấy ý kiến sự hài lòng của người dân');
    const finance = await run(['worklist', EX23, '--agency', 'finance-planning', '--lang', 'en']);
    expect(finance.stdout).toContain('Partners: Agriculture and Rural Development Office; NTM Office');
    expect(finance.stdout).toContain('Provides for the recognition dossier (Decision 18/2022): the report on outstanding construction debt');
    expect((await run(['worklist', EX23, '--agency', 'health'])).stdout).toContain('Phối hợp: Bảo hiểm xã hội huyện');
  });
});
