import type { MessageKey } from '../i18n';

/**
 * Who should ask a doctor or physiotherapist before rolling: the one list the popup's first-run note, the
 * welcome page and "Why roll?" all show (components/AskFirst.tsx). The usual contraindications for
 * self-massage with a roller or ball (the consensus of Bartsch 2021, J Clin Med 10:5360, widened to the
 * conditions massage guidance names), each a short noun phrase so it reads as a list item.
 */
export const ASK_FIRST = [
  'askFirst_pregnancy',
  'askFirst_blood_thinners',
  'askFirst_clot',
  'askFirst_varicose',
  'askFirst_osteoporosis',
  'askFirst_injury',
  'askFirst_cancer',
  'askFirst_feeling',
  'askFirst_skin',
] as const satisfies readonly MessageKey[];

/** What a massage gun adds to the list: its percussion reaches an implant or a replaced joint. */
export const ASK_FIRST_GUN = ['askFirst_implant', 'askFirst_joint'] as const satisfies readonly MessageKey[];
