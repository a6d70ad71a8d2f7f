import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';
import '../../components/timer.css';
import '../../components/page.css';
import { t } from '../../lib/i18n';
import { followPageTheme } from '../../lib/page-theme';

followPageTheme();
document.title = t('settingsTitle');

render(<OptionsApp />, document.getElementById('app')!);
