import type { MessageKey } from '../../lib/i18n';
import { t } from '../../lib/i18n';
import { AskFirst } from '../shared/AskFirst';
import { AREA_IDS, areaMessageKey } from '../../lib/domain/areas';
import { techniqueMoveKey, toolKey, toolsFor } from '../../lib/routines/catalogue';
import { pictureFor } from '../../lib/pictures/pictures';
import { TechniquePicture } from '../pictures/TechniquePicture';

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
      <Gallery />
    </main>
  );
}

/** Every technique's picture, by area, each with its tool and its movement cue: what the timer shows. */
function Gallery() {
  return (
    <section class="rb-gallery" aria-labelledby="rb-gallery">
      <h2 id="rb-gallery">{t('whyPicturesHeading')}</h2>
      <p>{t('whyPictures1')}</p>
      {AREA_IDS.map((area) => (
        <section key={area}>
          <h3>{t(areaMessageKey(area))}</h3>
          <div class="rb-gallery__grid">
            {toolsFor(area).map((tool) => {
              const cue = t(techniqueMoveKey(area, tool)!);
              return (
                <figure key={tool} data-picture={`${area}-${tool}`}>
                  <TechniquePicture picture={pictureFor(area, tool)!} label={cue} width={216} />
                  <figcaption>
                    <strong>{t(toolKey(tool))}</strong> {cue}
                  </figcaption>
                </figure>
              );
            })}
          </div>
        </section>
      ))}
    </section>
  );
}
