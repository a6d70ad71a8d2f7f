import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';
import '../../components/timer.css';
import '../../components/page.css';
import { t } from '../../lib/i18n';

document.title = t('settingsTitle');

render(<OptionsApp />, document.getElementById('app')!);
