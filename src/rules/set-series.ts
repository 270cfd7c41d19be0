/**
 * The set series of a set id: `dak-nong/commune-ntm/2022` → `dak-nong/commune-ntm`. (Here, below
 * the plan and recognition folders that both read it.)
 *
 * @example setSeries('dak-nong/commune-ntm/2022') // 'dak-nong/commune-ntm'
 */
export function setSeries(setId: string): string {
  const cut = setId.lastIndexOf('/');
  return cut < 0 ? setId : setId.slice(0, cut);
}
