import type { MessageKey } from '../../lib/i18n';
import { t } from '../../lib/i18n';
import { AskFirst } from '../shared/AskFirst';

const SECTIONS: Array<[MessageKey, MessageKey[]]> = [
  ['whyDoesHeading', ['whyDoes1', 'whyDoes2', 'whyDoes3', 'whyDoes4', 'whyDoes5']],
  ['whyDoseHeading', ['whyDose1', 'whyDose3', 'whyDose2']],
  ['whyNotHeading', ['whyNot1']],
  ['whyCuesHeading', ['whyCues1', 'whyCues2']],
  ['whyStopHeading', ['whyStop1', 'whyStop2']],
];

/** "Why roll?": what rolling does and does not do, in plain words, with when to stop and who should ask first. */
export function WhyPage() {
  return (
    <main class="rb-root rb-page rb-why">
      <h1>{t('whyTitle')}</h1>
      {SECTIONS.map(([heading, paragraphs]) => (
        <section key={heading}>
          <h2>{t(heading)}</h2>
          {paragraphs.map((p) => (
            <p key={p}>{t(p)}</p>
          ))}
        </section>
      ))}
      <section>
        <h2>{t('whyAskHeading')}</h2>
        <AskFirst />
      </section>
      <p class="rb-note" role="note">
        <strong>{t('whyMedical')}</strong>
      </p>
      <p class="rb-cue">{t('whySources')}</p>
    </main>
  );
}
