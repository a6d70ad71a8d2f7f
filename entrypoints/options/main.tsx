import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/timer/timer.css';
import '../../components/shared/page.css';
import { localizePage } from '../../lib/i18n/lang';
import { followPageTheme } from '../../lib/theme/page-theme';

followPageTheme();
localizePage('settingsTitle');

render(<OptionsApp />, document.getElementById('app')!);
