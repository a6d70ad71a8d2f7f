import type { MessageKey } from '../i18n';
import { formatNumber, t } from '../i18n';
import { formatList } from '../i18n/format';
import { tp } from '../i18n/plural';
import type { ImportProblem, ImportProblemCode } from './import-export';

/** Problems worded by a message that takes the field's name only (`$FIELD$ must be text`). */
const FIELD_ONLY: Partial<Record<ImportProblemCode, MessageKey>> = {
  missing: 'import_err_missing',
  text: 'import_err_text',
  empty: 'import_err_empty',
  chars: 'import_err_chars',
  number: 'import_err_number',
  whole: 'import_err_whole',
  negative: 'import_err_negative',
  early: 'import_err_early',
  late: 'import_err_late',
  time: 'import_err_time',
  ended: 'import_err_ended',
  area: 'import_err_area',
  list: 'import_err_list',
};

/** Problems with the file as a whole, or with a record that is not an object: no field to name. */
const WHOLE: Partial<Record<ImportProblemCode, MessageKey>> = {
  unreadable: 'import_err_unreadable',
  not_json: 'import_err_not_json',
  not_export: 'import_err_not_export',
  no_break: 'import_err_no_break',
  record: 'import_err_record',
};

function what(p: ImportProblem): string {
  const field = p.field ?? '';
  const limit = p.limit ?? 0;
  const whole = WHOLE[p.code];
  if (whole) return t(whole);
  const fieldOnly = FIELD_ONLY[p.code];
  if (fieldOnly) return t(fieldOnly, field);
  switch (p.code) {
    case 'long':
      return tp('import_err_long', limit, [field, formatNumber(limit)]);
    case 'many':
      return tp('import_err_many', limit, [field, formatNumber(limit)]);
    case 'max':
      return t('import_err_max', [field, formatNumber(limit)]);
    case 'version':
      return t('import_err_version', [field, formatNumber(limit)]);
    case 'one_of':
      return t('import_err_one_of', [field, formatList(p.values ?? [], 'disjunction')]);
    case 'write':
      return t('import_err_write', p.detail ?? '');
    default:
      return t('import_err_not_export');
  }
}

/**
 * An import (or undo) problem in the user's language, with where it is: "Break 3, step 2: area must be a
 * known area". The size limit has its own full sentence (import_too_big), so it never gets here.
 */
export function describeImportProblem(p: ImportProblem): string {
  const text = what(p);
  if (p.breakNo === undefined) return text;
  const n = formatNumber(p.breakNo);
  return p.stepNo === undefined ? t('import_at_break', [n, text]) : t('import_at_step', [n, formatNumber(p.stepNo), text]);
}
