import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';
import '../../components/timer.css';
import '../../components/page.css';
import { localizePage } from '../../lib/i18n/lang';
import { followPageTheme } from '../../lib/theme/page-theme';

followPageTheme();
localizePage('settingsTitle');

render(<OptionsApp />, document.getElementById('app')!);
