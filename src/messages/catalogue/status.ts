/** Statuses of indicators, criteria, communes and targets; levels of sets. */
import { domain, label } from '../define.js';

export const status = domain('status', {
  'status.criterion.met': label('Đạt', 'met'),
  'status.criterion.basically-met': label('Cơ bản đạt', 'basically met'),
  'status.criterion.not-met': label('Chưa đạt', 'not met'),
  'status.criterion.undetermined': label('Chưa xác định', 'undetermined'),
  'status.commune.met': label('Đạt chuẩn', 'meets the set'),
  'status.commune.not-met': label('Chưa đạt chuẩn', 'does not meet the set'),
  'status.commune.undetermined': label('Chưa xác định', 'undetermined'),
  'status.indicator.met': label('Đạt', 'met'),
  'status.indicator.not-met': label('Chưa đạt', 'not met'),
  'status.indicator.missing': label('Thiếu số liệu', 'missing data'),
  'status.indicator.threshold-unknown': label('Chưa rõ ngưỡng', 'threshold unknown'),
  'status.indicator.not-applicable': label('Không áp dụng', 'not applicable'),
  'status.target.achieved': label('Đã đạt', 'achieved'),
  'status.target.not-achieved': label('Chưa đạt', 'not achieved'),
  'status.target.undetermined': label('Chưa xác định', 'undetermined'),
  'status.level.commune': label('xã', 'commune'),
  'status.level.commune-advanced': label('xã nâng cao', 'advanced commune'),
  'status.level.commune-model': label('xã kiểu mẫu', 'model commune'),
  'status.level.district': label('huyện', 'district'),
  'status.level.province': label('tỉnh', 'province'),
  'status.level.residential-area': label('khu dân cư', 'residential area'),
  'status.level.garden': label('vườn', 'garden'),
});
