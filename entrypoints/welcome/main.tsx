import { render } from 'preact';
import { WelcomePage } from '../../components/pages/WelcomePage';
import '../../components/timer/timer.css';
import '../../components/shared/page.css';
import { localizePage } from '../../lib/i18n/lang';
import { followPageTheme } from '../../lib/theme/page-theme';

followPageTheme();
localizePage('welcomeTitle');

render(<WelcomePage />, document.getElementById('app')!);
